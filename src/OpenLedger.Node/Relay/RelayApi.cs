using System.Globalization;
using System.Numerics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Node.Relay;

/// <summary>
/// POST /relay/register. Every check the contract would make is made first, against the chain, so a refused request
/// costs the relayer no gas: each refusal is a problem details response saying which check failed. When the allowance
/// is below the bond, an EIP-2612 permit in the body is checked the same way and sent (token.permit) before registerBySig.
/// </summary>
public static class RelayApi
{
    public static async Task<Results<Ok<RelayRegisterResponse>, ProblemHttpResult>> RegisterAsync(
        RelayRegisterRequest body, RelaySender sender, PartitionedRateLimiter<string> limiter, CancellationToken ct)
    {
        if (RelayRequestParser.Parse(body, out var message, out var signature, out var permit) is { } invalid) return Refuse(400, "Invalid request", invalid);

        using var lease = await limiter.AcquireAsync(message.Contributor.ToString().ToLowerInvariant(), 1, ct);
        if (!lease.IsAcquired) return Refuse(429, "Too many registrations", $"contributor {message.Contributor} is over the relay's rate limit; try again later");

        var services = await sender.ServicesAsync();
        var registry = services.Registry;
        var rpc = registry.Contract.Rpc;
        var now = (await rpc.GetBlockByNumberAsync(BlockTag.Latest, ct: ct))!.Timestamp;
        if (message.Deadline <= now)
            return Refuse(400, "Signature expired", $"the deadline {message.Deadline} is not after the chain time {now}: sign again");

        var chainId = registry.Contract.Signer.ChainId;
        var digest = message.ToTypedData(chainId, registry.Address).Hash();
        if (EcRecover.RecoverAddress(digest, signature) != message.Contributor)
            return Refuse(400, "Invalid signature", $"the signature does not recover to contributor {message.Contributor}");

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
            if (await RelayPermits.CheckAsync(services, message, offered, now, ct) is { } refused)
                return Refuse(refused.Status, refused.Title, refused.Detail);
            permitToSend = offered;
        }
        var balance = await services.Token.BalanceOfAsync(message.Contributor, ct: ct);
        if (balance < message.Bond)
            return Refuse(422, "Balance too low", $"{message.Contributor} holds {balance} wei of OPEN but the bond is {message.Bond}");

        var entry = new Entry(message.ContentHash, (Kind)message.Kind, message.Bond, message.Uri);
        string? permitTransaction = null;
        if (permitToSend is { } toSend)
        {
            // A permit front-run by someone else reverts at the estimate (no gas spent); SubmitAsync then re-checks the allowance.
            (permitTransaction, var permitRefused) = await RelayPermits.SubmitAsync(services, message, toSend, ct);
            if (permitRefused is not null) return Refuse(422, "Permit reverted", permitRefused);
        }
        try
        {
            var receipt = await registry.RegisterBySigAsync(message.ModelId, entry, message.Contributor, message.Deadline, signature.ToBytes(), ct);
            var registered = receipt.Events<ContributionRegisteredEvent>(registry.Address).Single();
            return TypedResults.Ok(new RelayRegisterResponse(receipt.TransactionHash.ToString(), registered.Id.ToString(),
                message.Contributor.ToString(), (long)receipt.BlockNumber, permitTransaction));
        }
        catch (ContractRevertException e)
        {
            // A race (the same content or nonce used meanwhile): the estimate reverted, so no gas was spent.
            return Refuse(422, "Registration reverted", e.Message);
        }
    }

    private static ProblemHttpResult Refuse(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
