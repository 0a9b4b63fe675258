namespace OpenLedger.Indexer.Store.Views;

/// <summary>
/// One indexed event of a transaction, for search: what happened (the event's name), in which model, and the epoch,
/// account or contribution it names when it names one.
/// </summary>
public sealed record TransactionEventView
{
    public string Event { get; init; } = "";
    public long ModelId { get; init; }
    public long? Epoch { get; init; }
    public string? Account { get; init; }
    public string? ContributionId { get; init; }
    public long BlockNumber { get; init; }
    public int LogIndex { get; init; }
}
