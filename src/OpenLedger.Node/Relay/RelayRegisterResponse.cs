namespace OpenLedger.Node.Relay;

/// <summary>
/// What the relay sent: the registerBySig transaction and the contribution id it registered, and the permit
/// transaction when the relay had to send one first (null when the allowance already covered the bond).
/// </summary>
public sealed record RelayRegisterResponse(string TransactionHash, string Id, string Contributor, long BlockNumber, string? PermitTransactionHash = null);
