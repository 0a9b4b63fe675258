namespace OpenLedger.Arena.Play;

/// <summary>
/// What one method did with one scenario: each wallet's share of the epoch's OPEN in percent, the attacker's summed
/// value, whether an attacker contribution was a flag candidate or excluded (the outcome's name), and, when the
/// report was refused, the first problem and what the attack would have paid had it been accepted.
/// </summary>
public sealed record MethodOutcome(
    IReadOnlyDictionary<int, double> Shares,
    double AttackerValue = 0,
    bool Flagged = false,
    string? Excluded = null,
    string? NotPlayed = null,
    string? Refused = null,
    double? AttemptedShare = null)
{
    public static MethodOutcome Skipped(string reason) => new(new Dictionary<int, double>(), NotPlayed: reason);

    public double ShareOf(IEnumerable<int> wallets) => wallets.Sum(w => Shares.GetValueOrDefault(w));
}
