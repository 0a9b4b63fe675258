using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Demo;

/// <summary>
/// What the demo does on the local node that is not a product command: the treasury's faucet, moving the clock past
/// a window (evm_increaseTime), waiting for the node host to index the head, and reading balances to check the story.
/// </summary>
public sealed class LocalChain(JsonRpcClient rpc, OpenLedgerDeployment deployment, NodeApi node)
{
    public static readonly BigInteger Open = BigInteger.Pow(10, 18);

    public JsonRpcClient Rpc => rpc;

    public OpenLedgerServices Read { get; } = deployment.Connect(rpc);

    public async Task FundAsync(Person treasury, Person to, BigInteger open, BigInteger eth)
    {
        var client = await EthereumClient.ConnectAsync(rpc, treasury.Account);
        if (open > 0) await deployment.Connect(client).Token.TransferAsync(to.Address, open);
        if (eth > 0) await client.Transactions.SendAndWaitAsync(new TransactionRequest { To = to.Address, Value = eth });
    }

    public Task<BigInteger> EthBalanceAsync(Address account) => rpc.GetBalanceAsync(account);

    /// <summary>Moves the local node's clock forward and mines a block at the new time.</summary>
    public async Task AdvanceTimeAsync(ulong seconds)
    {
        await rpc.IncreaseTimeAsync(seconds);
        await rpc.MineAsync();
    }

    /// <summary>Waits (bounded) until the node host's index has reached the chain head.</summary>
    public async Task WaitForIndexAsync() => await node.WaitForBlockAsync(await rpc.GetBlockNumberAsync(), TimeSpan.FromSeconds(60), default);
}
