namespace OpenLedger.Indexer.Store.Rows;

/// <summary>An EpochVetoed event.</summary>
public sealed record EpochVetoRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, long Epoch, string VetoedBy, string Reason);
