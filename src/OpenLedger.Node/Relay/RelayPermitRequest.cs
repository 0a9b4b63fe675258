namespace OpenLedger.Node.Relay;

/// <summary>
/// The optional "permit" of POST /relay/register: an EIP-2612 permit by the contributor for spender = the registry,
/// so a contributor without ETH (who cannot pay for approve) can still bond. Decimal strings and 0x hex as the rest of the body.
/// </summary>
public sealed record RelayPermitRequest(string? Value, string? Deadline, string? Signature);
