using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Report bytes → everything postEpoch needs, as a pure function shared by the submitter and <see cref="EpochVerifier"/>:
/// the report's hash (keccak of the exact bytes), the parsed report, the distribution, the contract's tree and the
/// canonical distribution bytes.
/// </summary>
public sealed record EpochComputation(
    Hash32 ReportHash,
    PerformanceReport Report,
    Distribution Distribution,
    EpochTree? Tree,
    byte[] DistributionBytes)
{
    public Hash32 DistributionHash => Keccak.Hash(DistributionBytes);

    /// <summary>Parses (throwing <see cref="ReportValidationException"/> listing every problem) and attributes.</summary>
    public static PerformanceReport Parse(ReadOnlyMemory<byte> reportBytes) => PerformanceReportParser.Parse(reportBytes);

    public static EpochComputation Compute(ReadOnlyMemory<byte> reportBytes, PerformanceReport report)
    {
        var reportHash = Keccak.Hash(reportBytes.Span);
        var distribution = AttributionEngine.Distribute(report);
        var tree = EpochTree.Of(distribution);
        var bytes = tree is null ? [] : EpochDistributionJson.ToCanonicalJson(reportHash, distribution, tree);
        return new EpochComputation(reportHash, report, distribution, tree, bytes);
    }

    public static EpochComputation Compute(ReadOnlyMemory<byte> reportBytes) => Compute(reportBytes, Parse(reportBytes));
}
