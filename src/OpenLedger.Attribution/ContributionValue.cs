using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>
/// The value the method gave one contribution (0 when the evidence does not mention it); for item-level methods that
/// screen items, what was found in its items.
/// </summary>
public sealed record ContributionValue(BigInteger Id, Address Contributor, double Value, double? StandardError, ContributionOutcome Outcome,
    ItemSummary? Items = null);
