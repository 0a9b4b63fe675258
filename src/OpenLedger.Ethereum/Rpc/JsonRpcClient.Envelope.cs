using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

// Reading the JSON-RPC envelope: id, result or error, and the revert data nodes put in error.data.
public sealed partial class JsonRpcClient
{
    private static bool IsErrorEnvelope(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object;

    private static JsonElement ReadEnvelope(JsonElement root, string method, long id)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw new RpcException(method, $"response must be a JSON object but is {root.ValueKind}: {Snippet(root.GetRawText())}");
        if (root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            throw ReadError(method, error);
        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number
            || !idElement.TryGetInt64(out var responseId) || responseId != id)
            throw new RpcException(method, $"response id {(root.TryGetProperty("id", out var got) ? got.GetRawText() : "is missing")} does not match request id {id}");
        if (!root.TryGetProperty("result", out var result))
            throw new RpcException(method, $"response has neither result nor error: {Snippet(root.GetRawText())}");
        return result;
    }

    private static List<JsonRpcResult> ReadBatch(JsonElement root, IReadOnlyList<(string Method, System.Text.Json.Nodes.JsonArray? Parameters)> requests, long firstId, string label)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            // A node rejects a whole batch with a single error object.
            if (IsErrorEnvelope(root)) throw ReadError(label, root.GetProperty("error"));
            throw new RpcException(label, $"batch response must be a JSON array but is {root.ValueKind}: {Snippet(root.GetRawText())}");
        }
        var results = new JsonRpcResult?[requests.Count];
        foreach (var item in root.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var id))
                throw new RpcException(label, $"batch response item has no numeric id: {Snippet(item.GetRawText())}");
            var index = id - firstId;
            if (index < 0 || index >= requests.Count)
                throw new RpcException(label, $"batch response has id {id}, which was not requested (ids {firstId} to {firstId + requests.Count - 1})");
            if (results[index] is not null)
                throw new RpcException(label, $"batch response has id {id} twice");
            var method = requests[(int)index].Method;
            if (item.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
                results[index] = new JsonRpcResult(method, default, ReadError(method, error));
            else if (item.TryGetProperty("result", out var result))
                results[index] = new JsonRpcResult(method, result.Clone(), null);
            else
                throw new RpcException(method, $"batch response item {id} has neither result nor error");
        }
        var missing = Array.FindIndex(results, r => r is null);
        if (missing >= 0)
            throw new RpcException(label, $"batch response lacks id {firstId + missing} ({requests[missing].Method})");
        return [.. results.Select(r => r!)];
    }

    private static RpcException ReadError(string method, JsonElement error)
    {
        if (error.ValueKind != JsonValueKind.Object)
            return new RpcException(method, $"error must be an object but is {Snippet(error.GetRawText())}");
        int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
        var data = error.TryGetProperty("data", out var d) ? RevertData(d) : null;
        return new RpcException(method, message, code ?? 0, data);
    }

    // Geth and Hardhat put revert data as a hex string; Hardhat sometimes wraps it as { message, data: "0x..." }.
    private static byte[]? RevertData(JsonElement data)
    {
        if (data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data", out var inner)) data = inner;
        if (data.ValueKind != JsonValueKind.String) return null;
        var text = data.GetString();
        return text is not null && text.StartsWith("0x", StringComparison.Ordinal) && Hex.IsValid(text) ? Hex.Decode(text) : null;
    }
}
