using System.Numerics;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>The chain's clock (latest block timestamp): deadlines are checked against it, not the local clock.</summary>
public static class ChainTime
{
    public static async Task<BigInteger> NowAsync(JsonRpcClient rpc, CancellationToken ct)
    {
        var block = await rpc.GetBlockByNumberAsync(BlockTag.Latest, ct: ct) ?? throw new CliException("the node has no latest block");
        return block.Timestamp;
    }
}
