using System.Text.Json;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>One answer of a batch: a result, or the error the node returned for that request.</summary>
public sealed record JsonRpcResult(string Method, JsonElement Result, RpcException? Error)
{
    /// <summary>The result, or the request's error thrown.</summary>
    public JsonElement GetResult() => Error is null ? Result : throw Error;
}
