namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A ModelCreated event: the model and who owns it. Its creation policy is the first <see cref="ModelPolicyRow"/>.</summary>
public sealed record ModelRow(long BlockNumber, int LogIndex, string TxHash, long ModelId, string Owner, string MetadataUri);
