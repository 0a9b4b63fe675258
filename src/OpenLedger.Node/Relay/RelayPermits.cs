using System.Numerics;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Abi;
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
        if (EcRecover.RecoverAddress(digest, permit.Signature) != message.Contributor)
            return new RelayRefusal(400, "Invalid permit signature",
                $"the permit signature does not recover to contributor {message.Contributor} over {domain.Name} (version {domain.Version}) at {domain.VerifyingContract} " +
                $"with spender {services.Registry.Address}, value {permit.Value}, deadline {permit.Deadline} and the token's current nonce {nonce} for {message.Contributor}");
        return null;
    }

    /// <summary>
    /// Sends token.permit. When it reverts because someone else submitted the same permit first (token nonce moved,
    /// allowance already set) the registration goes on: returns (null, null) when the allowance now covers the bond.
    /// Returns the refusal detail when it does not.
    /// </summary>
    public static async Task<(string? TransactionHash, string? Refusal)> SubmitAsync(
        OpenLedgerServices services, RegisterMessage message, SignedPermit permit, CancellationToken ct)
    {
        try
        {
            var receipt = await services.Token.PermitAsync(message.Contributor, services.Registry.Address, permit.Value, permit.Deadline,
                permit.Signature.V, permit.Signature.R, permit.Signature.S, ct);
            return (receipt.TransactionHash.ToString(), null);
        }
        catch (ContractRevertException e)
        {
            var allowance = await services.Token.AllowanceAsync(message.Contributor, services.Registry.Address, ct: ct);
            return allowance >= message.Bond
                ? (null, null)
                : (null, $"the permit reverted ({e.Message}) and the registry may pull only {allowance} wei of OPEN from {message.Contributor} but the bond is {message.Bond}");
        }
    }
}
