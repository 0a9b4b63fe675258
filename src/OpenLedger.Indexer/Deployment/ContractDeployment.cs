using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Deployment;

/// <summary>Where one contract lives and the block it was deployed in (indexing starts there).</summary>
public readonly record struct ContractDeployment(Address Address, long DeploymentBlock);
