namespace OpenLedger.Indexer.Store.Sqlite;

/// <summary>The keys of derived state a write or a rewind touched; each is recomputed from the event tables.</summary>
internal sealed class AffectedKeys
{
    public HashSet<long> Models { get; } = [];
    public HashSet<(long ModelId, string Validator)> Validators { get; } = [];
    public HashSet<string> Contributions { get; } = [];
    public HashSet<(long ModelId, string Account)> Balances { get; } = [];
    public HashSet<(long ModelId, long Epoch)> Epochs { get; } = [];
}
