namespace OpenLedger.Indexer;

/// <summary>A write refused because another indexer took the leader lease since this one took it.</summary>
public sealed class LeaderLeaseLostException(string message) : IndexerException(message);
