using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>The transaction object of eth_call, eth_estimateGas and eth_sendTransaction; unset fields are left out.</summary>
public sealed record CallRequest
{
    public Address? From { get; init; }
    public Address? To { get; init; }
    public byte[]? Data { get; init; }
    public BigInteger? Value { get; init; }
    public BigInteger? Gas { get; init; }
    public BigInteger? GasPrice { get; init; }
    public BigInteger? MaxFeePerGas { get; init; }
    public BigInteger? MaxPriorityFeePerGas { get; init; }

    internal JsonObject ToJson()
    {
        var json = new JsonObject();
        if (From is { } from) json["from"] = Hex.Encode(from.AsSpan());
        if (To is { } to) json["to"] = Hex.Encode(to.AsSpan());
        if (Data is { } data) json["data"] = Hex.Encode(data);
        if (Value is { } value) json["value"] = HexQuantity.Encode(value);
        if (Gas is { } gas) json["gas"] = HexQuantity.Encode(gas);
        if (GasPrice is { } gasPrice) json["gasPrice"] = HexQuantity.Encode(gasPrice);
        if (MaxFeePerGas is { } maxFee) json["maxFeePerGas"] = HexQuantity.Encode(maxFee);
        if (MaxPriorityFeePerGas is { } tip) json["maxPriorityFeePerGas"] = HexQuantity.Encode(tip);
        return json;
    }
}
