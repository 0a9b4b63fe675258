using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>A typed call of a contract function with its arguments bound: what a transaction or eth_call sends.</summary>
public interface IContractFunction
{
    AbiFunction Function { get; }

    /// <summary>True for view and pure functions: read them with eth_call, they change nothing.</summary>
    bool IsReadOnly { get; }

    /// <summary>Calldata: selector and encoded arguments.</summary>
    byte[] Encode();
}

/// <summary>A typed call whose return value decodes to <typeparamref name="TOutput"/>.</summary>
public interface IContractFunction<out TOutput> : IContractFunction
{
    TOutput DecodeOutput(ReadOnlySpan<byte> returnData);
}
