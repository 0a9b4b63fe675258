using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Client;

/// <summary>Where one contract lives: its address and the block it was deployed in (where indexing starts).</summary>
public readonly record struct DeployedContract(Address Address, ulong DeploymentBlock);
