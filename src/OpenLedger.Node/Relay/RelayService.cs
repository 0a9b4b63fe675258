using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Node.Relay;

/// <summary>
/// The relay's decisions for one signed registration, cheapest first: the URI cap, the deadline and the signature
/// (nothing is counted against the contributor before it verifies), the rate limit, the zero-bond policy, requests
/// already in flight, every check the contract would make (<see cref="RelayChecks"/>), then the sends through
/// <see cref="RelaySubmitter"/>, which refuses what would revert or exceed the gas cap and budgets.
/// </summary>
public sealed class RelayService(
    RelaySender sender, RelaySubmitter submitter, RelayInFlight inFlight, PartitionedRateLimiter<string> limiter, IOptions<RelayOptions> options)
{
    private readonly RelayOptions _options = options.Value;

    public async Task<(RelayRegisterResponse? Response, RelayRefusal? Refusal)> RegisterAsync(
        RegisterMessage message, byte[] signature, SignedPermit? permit, CancellationToken ct)
    {
        if (message.Uri.Length > _options.MaxUriLength)
            return Refuse(422, "URI too long", $"the uri has {message.Uri.Length} characters but this relay carries at most {_options.MaxUriLength} (Relay:MaxUriLength)");

        var services = await sender.ServicesAsync();
        var registry = services.Registry;
        var now = (await registry.Contract.Rpc.GetBlockByNumberAsync(BlockTag.Latest, ct: ct))!.Timestamp;
        if (message.Deadline <= now)
            return Refuse(400, "Signature expired", $"the deadline {message.Deadline} is not after the chain time {now}: sign again");
        var digest = message.ToTypedData(registry.Contract.Signer.ChainId, registry.Address).Hash();
        if (RelaySignatures.Verify(digest, signature, message.Contributor, "signature", out var problem) is not { } verified)
            return Refuse(400, "Invalid signature", $"{problem} (contributor {message.Contributor}, model {message.ModelId}, nonce {message.Nonce})");

        // Counted only once the signature verified: junk naming someone else's address cannot use up their limit.
        using var lease = await limiter.AcquireAsync(message.Contributor.ToString().ToLowerInvariant(), 1, ct);
        if (!lease.IsAcquired)
            return Refuse(429, "Too many registrations",
                $"contributor {message.Contributor} sent more than {_options.PermitLimit} signed requests in {_options.Window} (Relay:PermitLimit, Relay:Window); try again later");
        if (message.Bond.IsZero && _options.ZeroBond == ZeroBondPolicy.Refuse)
            return Refuse(422, "Bond required",
                "this relay pays only for registrations that put a bond at stake (Relay:ZeroBond is Refuse): sign again with a bond above 0, or send the registration yourself");
        using var claim = inFlight.TryClaim(message, out var busy);
        if (claim is null) return (null, busy);

        var (refused, permitToSend) = await RelayChecks.CheckAsync(services, message, permit, now, ct);
        if (refused is { } r) return (null, r);
        string? permitTransaction = null;
        if (permitToSend is { } toSend)
        {
            (permitTransaction, var permitRefused) = await RelayPermits.SubmitAsync(services, submitter, message, toSend, ct);
            if (permitRefused is not null) return (null, permitRefused);
        }
        var entry = new Entry(message.ContentHash, (Kind)message.Kind, message.Bond, message.Uri);
        var function = new RegisterBySigFunction(message.ModelId, entry, message.Contributor, message.Deadline, verified.ToBytes());
        var sent = await submitter.SendAsync(registry.Address, function.Encode(), message.Contributor, message.ModelId, "the registration", ct);
        if (sent.Receipt is not { } receipt) return (null, sent.Refusal);
        var registered = receipt.Events<ContributionRegisteredEvent>(registry.Address).Single();
        return (new RelayRegisterResponse(receipt.TransactionHash.ToString(), registered.Id.ToString(), message.Contributor.ToString(),
            (long)receipt.BlockNumber, permitTransaction, (long)receipt.GasUsed), null);
    }

    private static (RelayRegisterResponse?, RelayRefusal?) Refuse(int status, string title, string detail) => (null, new RelayRefusal(status, title, detail));
}
