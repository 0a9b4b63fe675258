namespace OpenLedger.Ethereum.Abi;

/// <summary>A named parameter of a function, event or error; <see cref="Indexed"/> only means something for events.</summary>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false)
{
    public AbiParameter(string name, string type, bool indexed = false) : this(name, AbiType.Parse(type), indexed) { }

    public override string ToString() => Type + (Indexed ? " indexed" : "") + (Name.Length > 0 ? " " + Name : "");
}
