namespace OpenLedger.Ethereum.Abi;

/// <summary>The shape of an ABI type; <see cref="AbiType"/> carries the sizes and element types.</summary>
public enum AbiTypeKind
{
    UInt,
    Int,
    Address,
    Bool,
    FixedBytes,
    Bytes,
    String,
    FixedArray,
    DynamicArray,
    Tuple,
}
