using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>
/// A typed event of one of our contracts: the descriptor (signature, topic0) and how the decoded values become
/// the record. Decode logs with <see cref="ContractEvent"/> or the record's own static <c>Decode</c>.
/// </summary>
public interface IContractEvent<TSelf> : IContractEvent where TSelf : IContractEvent<TSelf>
{
    static abstract AbiEvent Descriptor { get; }

    AbiEvent IContractEvent.Event => TSelf.Descriptor;

    /// <summary>Builds the record from values in the event's parameter order, as <see cref="AbiEvent.DecodeLog"/> returns them.</summary>
    static abstract TSelf FromValues(IReadOnlyList<object?> values);
}
