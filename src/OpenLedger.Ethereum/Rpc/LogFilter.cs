using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// An eth_getLogs filter. <see cref="Topics"/> is positional: a null entry matches anything, a list matches any
/// of its hashes (OR). Either a block range or <see cref="BlockHash"/>, not both.
/// </summary>
public sealed record LogFilter
{
    public BlockTag? FromBlock { get; init; }

    public BlockTag? ToBlock { get; init; }

    public Hash32? BlockHash { get; init; }

    public IReadOnlyList<Address> Addresses { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<Hash32>?> Topics { get; init; } = [];

    internal JsonObject ToJson()
    {
        if (BlockHash is not null && (FromBlock is not null || ToBlock is not null))
            throw new EthereumException("A log filter takes either a block hash or a block range, not both");
        if (Topics.Count > 4) throw new EthereumException($"A log filter has at most 4 topic positions but has {Topics.Count}");
        var json = new JsonObject();
        if (FromBlock is { } from) json["fromBlock"] = from.ToString();
        if (ToBlock is { } to) json["toBlock"] = to.ToString();
        if (BlockHash is { } hash) json["blockHash"] = hash.ToString();
        if (Addresses.Count == 1) json["address"] = Hex.Encode(Addresses[0].AsSpan());
        else if (Addresses.Count > 1) json["address"] = new JsonArray([.. Addresses.Select(a => JsonValue.Create(Hex.Encode(a.AsSpan())))]);
        if (Topics.Count > 0)
            json["topics"] = new JsonArray([.. Topics.Select(t => t is null ? null
                : t.Count == 1 ? (JsonNode)t[0].ToString() : new JsonArray([.. t.Select(h => JsonValue.Create(h.ToString()))]))]);
        return json;
    }
}
