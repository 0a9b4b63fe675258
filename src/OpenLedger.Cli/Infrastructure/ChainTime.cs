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

    /// <summary>A chain timestamp as people read it, the raw value kept for scripts: "2025-01-31 14:05:09 UTC (unix 1738332309)".</summary>
    public static string Describe(BigInteger unix) =>
        unix >= 0 && unix <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? $"{DateTimeOffset.FromUnixTimeSeconds((long)unix).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC (unix {unix})"
            : $"unix time {unix}";
}
