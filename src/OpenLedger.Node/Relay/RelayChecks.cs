using System.Numerics;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Relay;

/// <summary>
/// Every check ContributionRegistry.registerBySig makes, made first against the chain so that a failing request is
/// refused with its reason and costs the relayer nothing; also decides whether the request's permit must be sent.
/// </summary>
public static class RelayChecks
{
    public static async Task<(RelayRefusal? Refusal, SignedPermit? PermitToSend)> CheckAsync(
        OpenLedgerServices services, RegisterMessage message, SignedPermit? permit, BigInteger now, CancellationToken ct)
    {
        var registry = services.Registry;
        if (await registry.ModelOwnerAsync(message.ModelId, ct: ct) == Address.Zero)
            return Refuse(404, "Unknown model", $"model {message.ModelId} does not exist");
        var nonce = await registry.NoncesAsync(message.Contributor, ct: ct);
        if (nonce != message.Nonce)
            return Refuse(409, "Wrong nonce", $"the signature is for nonce {message.Nonce} but the registry expects {nonce} for {message.Contributor}");
        var policy = await registry.ModelPolicyAsync(message.ModelId, ct: ct);
        if (policy.CommitReveal)
            return Refuse(422, "Commit-reveal required", $"model {message.ModelId} requires commit-reveal, which a relayed registration cannot do");
        if (message.Bond < policy.MinBond)
            return Refuse(422, "Bond too low", $"the bond {message.Bond} is below model {message.ModelId}'s minimum {policy.MinBond}");
        if ((await registry.ContributionAsync(message.ModelId, message.ContentHash, ct: ct)).Status != Status.None)
            return Refuse(409, "Duplicate content", $"model {message.ModelId} already holds content {message.ContentHash}");
        var allowance = await services.Token.AllowanceAsync(message.Contributor, registry.Address, ct: ct);
        // An allowance that already covers the bond wins: the permit is then not needed, nor sent (it may have been
        // submitted by someone else already, which moved the token nonce it was signed for).
        SignedPermit? permitToSend = null;
        if (allowance < message.Bond)
        {
            if (permit is not { } offered)
                return Refuse(422, "Allowance too low",
                    $"the registry may pull {allowance} wei of OPEN from {message.Contributor} but the bond is {message.Bond}, and the request carries no permit");
            if (await RelayPermits.CheckAsync(services, message, offered, now, ct) is { } refused) return (refused, null);
            permitToSend = offered;
        }
        var balance = await services.Token.BalanceOfAsync(message.Contributor, ct: ct);
        if (balance < message.Bond)
            return Refuse(422, "Balance too low", $"{message.Contributor} holds {balance} wei of OPEN but the bond is {message.Bond}");
        return (null, permitToSend);
    }

    private static (RelayRefusal?, SignedPermit?) Refuse(int status, string title, string detail) => (new RelayRefusal(status, title, detail), null);
}
