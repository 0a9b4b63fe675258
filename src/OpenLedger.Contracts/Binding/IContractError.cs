using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>A typed custom error: its descriptor and how decoded arguments become the record.</summary>
public interface IContractError<TSelf> where TSelf : IContractError<TSelf>
{
    static abstract AbiError Descriptor { get; }

    static abstract TSelf FromArguments(IReadOnlyList<object?> arguments);
}
