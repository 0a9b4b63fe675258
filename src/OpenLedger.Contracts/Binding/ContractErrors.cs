using System.Diagnostics.CodeAnalysis;
using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>Reads a decoded revert as one of the typed error records.</summary>
public static class ContractErrors
{
    /// <summary>True when the revert is <typeparamref name="T"/> (same signature), with its typed arguments.</summary>
    public static bool TryGetError<T>(this ContractRevertException revert, [NotNullWhen(true)] out T? error) where T : class, IContractError<T>
    {
        error = revert.Error is { } e && e.Signature == T.Descriptor.Signature ? T.FromArguments(revert.Arguments) : null;
        return error is not null;
    }

    /// <summary>True when the revert is the error <typeparamref name="T"/>.</summary>
    public static bool Is<T>(this ContractRevertException revert) where T : class, IContractError<T> =>
        revert.Error?.Signature == T.Descriptor.Signature;
}
