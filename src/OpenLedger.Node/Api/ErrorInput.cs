namespace OpenLedger.Node.Api;

/// <summary>One input of a custom error: its name in the contract and its canonical ABI type.</summary>
public sealed record ErrorInput(string Name, string Type);
