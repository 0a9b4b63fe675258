using System.Numerics;

namespace OpenLedger.Demo;

/// <summary>One contributor in the final table, every figure read from the node's API (amounts in wei and share units).</summary>
public sealed record ContributorRow(
    string Name,
    string Account,
    string RegisteredHow,
    string ContentHash,
    string Status,
    double? Value,
    BigInteger OpenClaimed,
    BigInteger SharesHeld,
    BigInteger RevenueWithdrawn,
    bool Corrupted);
