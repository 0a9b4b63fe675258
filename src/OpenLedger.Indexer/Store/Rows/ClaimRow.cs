namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A Claimed event.</summary>
public sealed record ClaimRow(
    long BlockNumber, int LogIndex, string TxHash, long ModelId, long Epoch, string Account,
    long LeafIndex, string OpenAmount, string ShareAmount);
