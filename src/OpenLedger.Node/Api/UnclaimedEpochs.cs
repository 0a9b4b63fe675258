namespace OpenLedger.Node.Api;

/// <summary>The answer of /accounts/{address}/unclaimed-epochs; Basis says how the list was derived.</summary>
public sealed record UnclaimedEpochs(string Account, string Basis, IReadOnlyList<UnclaimedEpoch> Items);
