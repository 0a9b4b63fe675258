namespace OpenLedger.Node.Api;

/// <summary>
/// What a wallet page needs to send transactions to this node's deployment: the chain id, the contracts' addresses
/// (EIP-55), the token's symbol and decimals, and every custom error the contracts can revert with, to decode reverts.
/// </summary>
public sealed record ContractsResponse(
    ulong ChainId, string ContributionRegistry, string ModelShares, string RewardDistributor, TokenDescription Token,
    IReadOnlyList<ErrorDescription> Errors);
