using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>claim: fetch the signer's proofs from the node and claim one epoch or every claimable one in one claimBatch.</summary>
public sealed class ClaimCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<BigInteger?> _epoch = new("--epoch")
    {
        Description = "the epoch to claim",
        CustomParser = r => Infrastructure.Options.PositiveInteger(r, "--epoch"),
    };
    private readonly Option<bool> _all = new("--all") { Description = "claim every claimable epoch not yet claimed" };
    private readonly SignerOptions _signer = new();

    public ClaimCommand() : base("claim", "claim OPEN and model shares from posted epochs (proofs from the node API)")
    {
        Options.Add(_model);
        Options.Add(_epoch);
        Options.Add(_all);
        _signer.AddTo(this);
        Validators.Add(r =>
        {
            if ((r.GetResult(_epoch) is not null) == r.GetValue(_all)) r.AddError("give either --epoch E or --all");
        });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var session = await context.SignChainAsync(_signer, ct);
        await session.RequireModelAsync(modelId, ct);
        var node = context.Node();
        IEnumerable<BigInteger> epochs;
        if (p.GetValue(_epoch) is { } one) epochs = [one];
        else
        {
            var list = (await node.GetAsync($"models/{modelId}/epochs", ct))!;
            epochs = list["items"]!.AsArray()
                .Where(i => i!["status"]!.GetValue<string>() == "claimable")
                .Select(i => new BigInteger(i!["epoch"]!["epoch"]!.GetValue<long>()));
        }

        var claims = new List<Claim>();
        foreach (var epoch in epochs)
        {
            var proof = await node.GetAsync($"models/{modelId}/epochs/{epoch}/proofs/{session.Sender}", ct, allowMissing: p.GetValue(_all));
            if (proof is null || proof["claimed"]!.GetValue<bool>()) continue;
            if (!proof["rootMatchesPosted"]!.GetValue<bool>())
                throw new CliException($"the node's distribution for epoch {epoch} does not match the posted root; not claiming");
            var index = new BigInteger(proof["leafIndex"]!.GetValue<long>());
            if (await session.Services.Distributor.IsClaimedAsync(modelId, epoch, index, ct: ct)) continue;
            claims.Add(new Claim(modelId, epoch, index, session.Sender, BigInteger.Parse(proof["openAmount"]!.GetValue<string>()),
                BigInteger.Parse(proof["shareAmount"]!.GetValue<string>()), [.. proof["proof"]!.AsArray().Select(h => Hash32.Parse(h!.GetValue<string>()))]));
        }
        if (claims.Count == 0) throw new CliException($"nothing to claim for {session.Sender} in model {modelId}");
        var receipt = await session.Services.Distributor.ClaimBatchAsync(claims, ct);
        var open = claims.Aggregate(BigInteger.Zero, (sum, c) => sum + c.OpenAmount);
        var shares = claims.Aggregate(BigInteger.Zero, (sum, c) => sum + c.ShareAmount);
        context.WriteResult(("model", modelId), ("epochs", string.Join(",", claims.Select(c => c.Epoch))), ("open", Amounts.Format(open)),
            ("shares", shares), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}
