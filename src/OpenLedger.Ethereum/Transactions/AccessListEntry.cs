using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Transactions;

/// <summary>One EIP-2930 access list entry: an address and the storage slots the transaction will touch.</summary>
public readonly record struct AccessListEntry(Address Address, IReadOnlyList<Hash32> StorageKeys);
