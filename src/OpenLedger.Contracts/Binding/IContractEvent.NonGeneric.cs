using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>Any typed event record, whatever its type: what <see cref="ContractEventDecoder"/> returns.</summary>
public interface IContractEvent
{
    AbiEvent Event { get; }
}
