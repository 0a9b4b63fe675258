namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A ValidatorUpdated event.</summary>
public sealed record ValidatorUpdateRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, string Validator, bool Allowed);
