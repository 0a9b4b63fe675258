using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts;

/// <summary>
/// The bindings of all our contracts, and one revert decoder that knows every custom error any of them can raise
/// (our own and the OpenZeppelin ERC-20, ERC-1155, Ownable, AccessControl, ECDSA ones they inherit or use).
/// </summary>
public static class OpenLedgerContracts
{
    public static IReadOnlyList<ContractBinding> All { get; } =
        [OpenTokenAbi.Binding, ContributionRegistryAbi.Binding, ModelSharesAbi.Binding, RewardDistributorAbi.Binding];

    /// <summary>Every custom error of every binding, once per signature (Ownable's errors are in three contracts).</summary>
    public static IReadOnlyList<AbiError> Errors { get; } =
        [.. All.SelectMany(b => b.Errors).DistinctBy(e => e.Signature).OrderBy(e => e.Signature, StringComparer.Ordinal)];

    /// <summary>Decodes revert data into a <see cref="ContractRevertException"/> naming the error and its arguments.</summary>
    public static RevertDecoder RevertDecoder { get; } = new(Errors);

    /// <summary>The binding named <paramref name="contractName"/> (e.g. <c>OpenToken</c>).</summary>
    public static ContractBinding Get(string contractName) =>
        All.FirstOrDefault(b => b.ContractName == contractName)
        ?? throw new Ethereum.EthereumException($"No binding named '{contractName}': expected one of {string.Join(", ", All.Select(b => b.ContractName))}");
}
