using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>A contract's constructor arguments bound: deployment data is the creation bytecode followed by them.</summary>
public interface IContractDeployment
{
    IReadOnlyList<AbiParameter> ConstructorInputs { get; }

    /// <summary>The data of a contract-creation transaction: <paramref name="bytecode"/> followed by the encoded arguments.</summary>
    byte[] Encode(ReadOnlySpan<byte> bytecode);
}
