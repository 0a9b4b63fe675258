using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// A contract call reverted. When the revert data matches a known error (Error(string), Panic(uint256) or a custom
/// error given to <see cref="RevertDecoder"/>) the name and decoded arguments are here; otherwise only the raw data.
/// </summary>
public sealed class ContractRevertException : EthereumException
{
    public ContractRevertException(string message, byte[] rawData, AbiError? error, IReadOnlyList<object?> arguments, Exception? inner = null)
        : base(message, inner!)
    {
        RawData = rawData;
        Error = error;
        Arguments = arguments;
    }

    /// <summary>The revert data as returned by the node (selector and arguments); empty for a bare <c>revert()</c>.</summary>
    public byte[] RawData { get; }

    /// <summary>The matched error descriptor, or null when the selector is unknown or the data is empty.</summary>
    public AbiError? Error { get; }

    /// <summary>The error's name (<c>Error</c>, <c>Panic</c>, a custom error) or null when unknown.</summary>
    public string? ErrorName => Error?.Name;

    public IReadOnlyList<object?> Arguments { get; }

    public AbiSelector? Selector => AbiSelector.Of(RawData);

    /// <summary>The reason of <c>require(cond, "reason")</c>: the argument of Error(string).</summary>
    public string? Reason => Error == AbiError.ErrorString ? (string?)Arguments[0] : null;

    /// <summary>The code of a Panic(uint256), e.g. 0x11 for an arithmetic overflow.</summary>
    public BigInteger? PanicCode => Error == AbiError.Panic ? (BigInteger)Arguments[0]! : null;

    internal static string Describe(AbiError? error, IReadOnlyList<object?> arguments, byte[] raw)
    {
        if (error == AbiError.ErrorString) return $"Execution reverted: \"{arguments[0]}\"";
        if (error == AbiError.Panic)
        {
            var code = (BigInteger)arguments[0]!;
            // BigInteger's "x" format adds a sign nibble (0x099); panic codes are small, so format as ulong.
            var hex = code <= ulong.MaxValue ? ((ulong)code).ToString("x2") : code.ToString("x");
            return $"Execution reverted with panic 0x{hex} ({Abi.PanicCode.Describe(code)})";
        }
        if (error is not null)
        {
            var parts = error.Inputs.Select((p, i) => (p.Name.Length > 0 ? p.Name + "=" : "") + AbiFormat.Value(arguments[i]));
            return $"Execution reverted with {error.Name}({string.Join(", ", parts)})";
        }
        return raw.Length == 0
            ? "Execution reverted without data"
            : $"Execution reverted with unknown error {AbiSelector.Of(raw)?.ToString() ?? "(less than 4 bytes)"}: {Hex.Encode(raw)}";
    }
}
