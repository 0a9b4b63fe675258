using System.Numerics;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// What a method may know besides its evidence: the contributions excluded as whole-content duplicates and every
/// contribution of the report with its registration (block, log index), which orders items for screening.
/// </summary>
public sealed record AttributionContext(IReadOnlySet<BigInteger> Excluded, IReadOnlyList<ContributionEntry> Contributions);
