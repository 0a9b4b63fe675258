using System.Numerics;

namespace OpenLedger.Demo;

/// <summary>The posted epoch as the API reports it: totals posted and claimed, and the holders' cut of later revenue.</summary>
public sealed record EpochFacts(
    string Status,
    BigInteger TotalOpen,
    BigInteger TotalShares,
    BigInteger ClaimedOpen,
    BigInteger ClaimedShares,
    BigInteger HoldersRevenue);
