namespace OpenLedger.Node.Relay;

/// <summary>
/// What the relay sent: the registerBySig transaction and the contribution id it registered, the permit
/// transaction when the relay had to send one first (null when the allowance already covered the bond), and the gas
/// the registration used (the relayer's cost, counted against the budgets with the permit's).
/// </summary>
public sealed record RelayRegisterResponse(
    string TransactionHash, string Id, string Contributor, long BlockNumber, string? PermitTransactionHash = null, long GasUsed = 0);
