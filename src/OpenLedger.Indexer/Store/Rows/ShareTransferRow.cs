namespace OpenLedger.Indexer.Store.Rows;

/// <summary>
/// One movement of model shares from ERC-1155 TransferSingle (BatchIndex 0) or one id of TransferBatch.
/// A mint has From = the zero address, a burn To = the zero address.
/// </summary>
public sealed record ShareTransferRow(
    long BlockNumber, int LogIndex, int BatchIndex, string TxHash,
    string Operator, string FromAddress, string ToAddress, long ModelId, string Amount);
