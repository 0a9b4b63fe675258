namespace OpenLedger.Node.Relay;

/// <summary>
/// Body of POST /relay/register: the entry, the contributor, the deadline and nonce signed over, and the 65-byte
/// signature (0x hex). Numbers are decimal strings so no JSON number precision is lost. <see cref="Permit"/> is optional.
/// </summary>
public sealed record RelayRegisterRequest(
    string? ModelId, string? ContentHash, int? Kind, string? Uri, string? Bond, string? Contributor, string? Nonce, string? Deadline, string? Signature,
    RelayPermitRequest? Permit = null);
