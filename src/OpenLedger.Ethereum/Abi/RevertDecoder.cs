using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// Turns revert data into a <see cref="ContractRevertException"/>: Error(string) and Panic(uint256) always,
/// custom errors when their descriptors are given. Unknown selectors and undecodable data keep the raw bytes.
/// </summary>
public sealed class RevertDecoder
{
    private readonly Dictionary<AbiSelector, AbiError> _errors = new();

    public RevertDecoder(IEnumerable<AbiError>? customErrors = null)
    {
        _errors[AbiError.ErrorString.Selector] = AbiError.ErrorString;
        _errors[AbiError.Panic.Selector] = AbiError.Panic;
        foreach (var error in customErrors ?? [])
        {
            if (_errors.TryGetValue(error.Selector, out var existing) && existing.Signature != error.Signature)
                throw new EthereumException($"Errors {existing.Signature} and {error.Signature} share selector {error.Selector}");
            _errors[error.Selector] = error;
        }
    }

    /// <summary>Only the built-in Error(string) and Panic(uint256).</summary>
    public static RevertDecoder Default { get; } = new();

    public IReadOnlyCollection<AbiError> Errors => _errors.Values;

    public ContractRevertException Decode(ReadOnlySpan<byte> revertData)
    {
        var raw = revertData.ToArray();
        var selector = AbiSelector.Of(raw);
        if (selector is { } s && _errors.TryGetValue(s, out var error))
        {
            try
            {
                var arguments = error.DecodeArguments(raw);
                return new ContractRevertException(ContractRevertException.Describe(error, arguments, raw), raw, error, arguments);
            }
            catch (EthereumException e)
            {
                return new ContractRevertException(
                    $"Execution reverted with data that starts with {error.Signature}'s selector but does not decode ({e.Message}): {Hex.Encode(raw)}",
                    raw, null, []);
            }
        }
        return new ContractRevertException(ContractRevertException.Describe(null, [], raw), raw, null, []);
    }
}
