using System.Numerics;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Node.Relay;

/// <summary>
/// The relay's side of an EIP-2612 permit: checked against the token before any gas is spent, then sent with
/// token.permit so registerBySig can pull the bond from a contributor who holds OPEN but no ETH.
/// </summary>
public static class RelayPermits
{
    /// <summary>Every check OpenToken.permit would make, plus value ≥ bond; returns the refusal, or null.</summary>
    public static async Task<RelayRefusal?> CheckAsync(
        OpenLedgerServices services, RegisterMessage message, SignedPermit permit, BigInteger now, CancellationToken ct)
    {
        if (permit.Deadline <= now)
            return new RelayRefusal(400, "Permit expired", $"the permit deadline {permit.Deadline} is not after the chain time {now}: sign the permit again");
        if (permit.Value < message.Bond)
            return new RelayRefusal(422, "Permit too low", $"the permit allows the registry {permit.Value} wei of OPEN but the bond is {message.Bond}");
        var domain = await services.Token.Eip712DomainAsync(ct: ct);
        var nonce = await services.Token.NoncesAsync(message.Contributor, ct: ct);
        // The nonce is not in the body: it is part of the signed digest, so a permit for another nonce, another spender
        // or another token simply recovers to someone else. Say which values the relay verified against.
        var digest = new PermitMessage(message.Contributor, services.Registry.Address, permit.Value, nonce, permit.Deadline).ToTypedData(domain).Hash();
        if (RelaySignatures.Verify(digest, permit.Signature, message.Contributor, "permit signature", out var problem) is null)
            return new RelayRefusal(400, "Invalid permit signature",
                $"{problem}; verified over {domain.Name} (version {domain.Version}) at {domain.VerifyingContract} " +
                $"with spender {services.Registry.Address}, value {permit.Value}, deadline {permit.Deadline} and the token's current nonce {nonce} for {message.Contributor}");
        return null;
    }

    /// <summary>
    /// Sends token.permit through <paramref name="submitter"/>. When its pre-flight shows it would revert because someone
    /// else submitted the same permit first (token nonce moved, allowance already set) the registration goes on: returns
    /// (null, null) when the allowance now covers the bond, and the refusal when it does not.
    /// </summary>
    public static async Task<(string? TransactionHash, RelayRefusal? Refusal)> SubmitAsync(
        OpenLedgerServices services, RelaySubmitter submitter, RegisterMessage message, SignedPermit permit, CancellationToken ct)
    {
        var signature = Signature.FromBytes(permit.Signature); // verified by CheckAsync
        var function = new PermitFunction(message.Contributor, services.Registry.Address, permit.Value, permit.Deadline, signature.V, signature.R, signature.S);
        var sent = await submitter.SendAsync(services.Token.Address, function.Encode(), message.Contributor, message.ModelId, "the permit", ct);
        if (sent.Receipt is { } receipt) return (receipt.TransactionHash.ToString(), null);
        if (sent.Revert is null) return (null, sent.Refusal);
        var allowance = await services.Token.AllowanceAsync(message.Contributor, services.Registry.Address, ct: ct);
        return allowance >= message.Bond
            ? (null, null)
            : (null, new RelayRefusal(422, "Permit reverted",
                $"the permit would revert ({sent.Revert.Message}) and the registry may pull only {allowance} wei of OPEN from {message.Contributor} but the bond is {message.Bond}"));
    }
}
