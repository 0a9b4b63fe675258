using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Report bytes → everything postEpoch needs, as a pure function shared by the submitter and <see cref="EpochVerifier"/>:
/// the report's hash (keccak of the exact bytes), the parsed report, the distribution (whose root and proofs are the
/// contract's claim tree) and the canonical distribution bytes (empty when nothing is allocated).
/// </summary>
public sealed record EpochComputation(
    Hash32 ReportHash,
    PerformanceReport Report,
    Distribution Distribution,
    byte[] DistributionBytes)
{
    public Hash32 DistributionHash => Keccak.Hash(DistributionBytes);

    /// <summary>The root postEpoch takes, or null when the distribution allocates nothing (there is no epoch to post).</summary>
    public Hash32? Root => Distribution.MerkleRoot;

    /// <summary>Parses (throwing <see cref="ReportValidationException"/> listing every problem) and attributes.</summary>
    public static PerformanceReport Parse(ReadOnlyMemory<byte> reportBytes) => PerformanceReportParser.Parse(reportBytes);

    public static EpochComputation Compute(ReadOnlyMemory<byte> reportBytes, PerformanceReport report)
    {
        var reportHash = Keccak.Hash(reportBytes.Span);
        var distribution = AttributionEngine.Distribute(report);
        var bytes = distribution.MerkleRoot is null ? [] : EpochDistributionJson.ToCanonicalJson(reportHash, distribution);
        return new EpochComputation(reportHash, report, distribution, bytes);
    }

    public static EpochComputation Compute(ReadOnlyMemory<byte> reportBytes) => Compute(reportBytes, Parse(reportBytes));
}
