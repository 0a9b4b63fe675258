namespace OpenLedger.Indexer.Store.Rows;

/// <summary>A policy a model had from this event on: from ModelCreated or ModelPolicyUpdated. Amounts are decimal text.</summary>
public sealed record ModelPolicyRow(
    long BlockNumber, int LogIndex, string TxHash, long ModelId,
    string MinBond, long BondLock, long DisputeWindow, int OwnerBps, int PoolBps, bool CommitReveal, int MinPrecisionBps = 0);
