namespace OpenLedger.Node.Api;

/// <summary>A custom error: its selector (first 4 bytes of revert data), canonical signature and named inputs.</summary>
public sealed record ErrorDescription(string Selector, string Signature, string Name, IReadOnlyList<ErrorInput> Inputs);
