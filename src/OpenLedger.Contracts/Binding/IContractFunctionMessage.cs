using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>The static side of a generated function record: its descriptor and how decoded calldata becomes the record.</summary>
public interface IContractFunctionMessage<TSelf> : IContractFunction where TSelf : IContractFunctionMessage<TSelf>
{
    static abstract AbiFunction Descriptor { get; }

    static abstract TSelf FromArguments(IReadOnlyList<object?> arguments);
}
