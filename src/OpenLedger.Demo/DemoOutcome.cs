namespace OpenLedger.Demo;

/// <summary>
/// What the scenario did that the final table cannot read back from the API: whether `epoch submit` answered
/// "posted" and `epoch verify` found no difference, how each contributor registered, and the content hashes the
/// validator flagged from the epoch's flag candidates, and the epoch's test set hash as sealed, served and reported.
/// </summary>
public sealed record DemoOutcome(
    string ModelId,
    bool Posted,
    bool Verified,
    IReadOnlyDictionary<Person, string> RegisteredHow,
    IReadOnlyList<string> Flagged,
    EvaluationSeal Evaluation);
