using System.Numerics;

namespace OpenLedger.Attribution.Reports;

/// <summary>A validated performance report (schema <see cref="SchemaV1"/>); see docs/performance-report.md.</summary>
public sealed record PerformanceReport(
    string Schema,
    BigInteger ModelId,
    ulong Epoch,
    Evaluation Evaluation,
    IReadOnlyList<ContributionEntry> Contributions,
    AttributionSpec Attribution,
    RewardBudget Rewards,
    BigInteger? RewardPool = null,
    PrecisionSection? Precision = null)
{
    public const string SchemaV1 = "openledger.performance-report/v1";
}
