using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Node.Tests.Support;

/// <summary>Asks the deployed contracts and the node directly, as the reference the API is checked against.</summary>
public static class ChainCalls
{
    /// <summary>ContributionRegistry.contributionId(modelId, contentHash) computed by the contract itself.</summary>
    public static async Task<string> ContributionIdAsync(this LoadedNode node, long modelId, string contentHash)
    {
        var data = new byte[4 + 64];
        Keccak.Hash("contributionId(uint256,bytes32)").AsSpan()[..4].CopyTo(data);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(4 + 24, 8), modelId);
        Hex.Decode(contentHash).CopyTo(data, 4 + 32);
        var result = await node.Rpc.CallAsync(new CallRequest { To = Address.Parse(node.DeploymentAddress("ContributionRegistry")), Data = data });
        return Hex.Encode(result);
    }

    public static async Task<long> TimestampAsync(this LoadedNode node, long block) =>
        (long)(await node.Rpc.GetBlockByNumberAsync((ulong)block))!.Timestamp;
}
