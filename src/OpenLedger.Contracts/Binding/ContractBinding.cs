using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Binding;

/// <summary>
/// Everything a binding knows about one contract: its functions, events and errors as descriptors, and the ABI
/// it was generated from. The artifact-sync test compares these with the Hardhat artifacts in both directions.
/// </summary>
public sealed record ContractBinding(
    string ContractName,
    string GeneratedFrom,
    IReadOnlyList<AbiParameter> ConstructorInputs,
    IReadOnlyList<AbiFunction> Functions,
    IReadOnlyList<AbiEvent> Events,
    IReadOnlyList<AbiError> Errors);
