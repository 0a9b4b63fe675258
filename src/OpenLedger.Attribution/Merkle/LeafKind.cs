namespace OpenLedger.Attribution.Merkle;

public enum LeafKind
{
    Address,
    Bool,
    Uint,
    Int,
    FixedBytes,
}
