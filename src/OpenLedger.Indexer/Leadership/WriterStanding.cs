namespace OpenLedger.Indexer.Leadership;

/// <summary>
/// Whether this process may act as the one writer: post epochs and relay registrations with the keys it holds. A
/// standby (<see cref="IndexerOptions.Standby"/>) may not until it has taken the leader lease, nor may a leader once its
/// lease is lost: the process that does hold the lease posts with the same reporter key, and two senders of one key
/// race for its nonces. A process that is not a standby either leads or has failed to start, so it is never refused.
/// </summary>
public sealed class WriterStanding(IndexerOptions options)
{
    private volatile string? _refusal = options.Standby ? "this indexer is a standby and has not taken the leader lease yet" : null;

    /// <summary>Why this process must not write now, or null when it may.</summary>
    public string? Refusal => _refusal;

    public void Waiting(string holder) => _refusal = $"this indexer is a standby waiting for the leader lease, held by {holder}";

    public void Leading() => _refusal = null;

    public void Lost() => _refusal = "this indexer lost the leader lease (its database connection broke) and may no longer be the leader";
}
