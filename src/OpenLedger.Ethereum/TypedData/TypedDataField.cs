namespace OpenLedger.Ethereum.TypedData;

/// <summary>One member of an EIP-712 struct type, e.g. ("contributor", "address").</summary>
public readonly record struct TypedDataField(string Name, string Type)
{
    public override string ToString() => $"{Type} {Name}";
}
