using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>
/// What to tell someone whose wallet holds too little OPEN or ETH: where to get some on the chain they are on. It is
/// appended to the refusal's one line, not a separate hint, so a script reading the first line of stderr gets it too.
/// </summary>
public static class Funding
{
    /// <summary>Hardhat's chain id: the local development chain, where <c>dev fund</c> works.</summary>
    public const ulong DevChainId = 31337;

    public static string OpenHint(ulong chainId, Address account) => chainId == DevChainId
        ? $"on this local chain: openledger dev fund --to {account}; elsewhere an OPEN holder sends some with: openledger token transfer --to {account} --amount N"
        : $"an OPEN holder sends some with: openledger token transfer --to {account} --amount N";

    public static string EthHint(ulong chainId, Address account) => (chainId == DevChainId
        ? $"fund it on this local chain with: openledger dev fund --to {account}"
        : $"send ETH to {account} from another wallet")
        + "; contribute --gasless needs no ETH (the node's relayer pays the gas)";

    /// <summary>The node's refusal of a transaction whose sender cannot pay for it (Hardhat's and geth's wording).</summary>
    public static bool IsTooLittleEth(EthereumException e) =>
        e.Message.Contains("enough funds", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase);
}
