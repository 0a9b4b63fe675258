using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// A JSON-RPC call failed: the node answered with an error object (<see cref="Code"/> set, revert data in
/// <see cref="RevertData"/> when a call reverted), the transport failed, or the response was malformed.
/// The message starts with the method name.
/// </summary>
public sealed class RpcException : EthereumException
{
    public RpcException(string method, string message, int? code = null, byte[]? revertData = null,
        bool isTransient = false, int? httpStatus = null, Exception? inner = null)
        : base($"{method}: {message}", inner!)
    {
        Method = method;
        Code = code;
        RevertData = revertData;
        IsTransient = isTransient;
        HttpStatus = httpStatus;
        Detail = message;
    }

    public string Method { get; }

    /// <summary>The JSON-RPC error code (-32602 invalid params, 3 or -32603 execution reverted...), null for transport and format failures.</summary>
    public int? Code { get; }

    /// <summary>The message without the method prefix: the node's own error message for error objects.</summary>
    public string Detail { get; }

    /// <summary>The revert data of a reverted call or gas estimate (the error's <c>data</c> field), when the node sent any.</summary>
    public byte[]? RevertData { get; }

    /// <summary>True for failures worth retrying (HTTP 429/500/502/503/504, timeouts, dropped connections, unreadable bodies).</summary>
    public bool IsTransient { get; }

    public int? HttpStatus { get; }

    /// <summary>How long the server asked us to wait (the Retry-After header of a 429 or 503); retries honour it.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when the node reports a reverted execution (with or without data).</summary>
    public bool IsRevert => RevertData is not null || (Code is not null && Detail.Contains("revert", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The ABI-decoded revert (Error(string), Panic(uint256) or one of <paramref name="decoder"/>'s custom errors),
    /// or null when this error is not a revert.
    /// </summary>
    public ContractRevertException? ToRevert(RevertDecoder? decoder = null) =>
        IsRevert ? (decoder ?? RevertDecoder.Default).Decode(RevertData ?? []) : null;
}
