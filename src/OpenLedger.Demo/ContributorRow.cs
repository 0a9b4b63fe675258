using System.Numerics;

namespace OpenLedger.Demo;

/// <summary>
/// One contributor in the final table, every figure read from the node's API (amounts in wei and share units):
/// <see cref="Outcome"/> is the epoch's attribution outcome (credited, near-duplicate, …) and <see cref="Why"/> the
/// reason the API gives for what it earned (the copy's original, the flag candidate's reason, the items in reach).
/// </summary>
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
    ContributorPart Part,
    string Outcome = "credited",
    string Why = "");
