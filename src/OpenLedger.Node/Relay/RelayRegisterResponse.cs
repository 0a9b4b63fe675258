namespace OpenLedger.Node.Relay;

/// <summary>What the relay sent: the registerBySig transaction and the contribution id it registered.</summary>
public sealed record RelayRegisterResponse(string TransactionHash, string Id, string Contributor, long BlockNumber);
