using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>model policy: show a model's policy, or change the given fields (owner only).</summary>
public sealed class ModelPolicyCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly PolicyOptions _policy = new();
    private readonly SignerOptions _signer = new();

    public ModelPolicyCommand() : base("policy", "show a model's policy; with policy options, change those fields (signed by the owner)")
    {
        Options.Add(_model);
        _policy.AddTo(this);
        foreach (var option in new Option[] { _signer.Keystore, _signer.PasswordEnv, _signer.MnemonicEnv, _signer.Index }) Options.Add(option);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var change = _policy.AnyGiven(p);
        var session = change ? await context.SignChainAsync(_signer, ct) : await context.ReadChainAsync(ct);
        var owner = await session.RequireModelAsync(modelId, ct);
        var current = await session.Services.Registry.ModelPolicyAsync(modelId, ct: ct);
        if (!change)
        {
            context.WriteResult([("model", modelId), ("owner", owner), .. PolicyOptions.Describe(current)]);
            return ExitCodes.Ok;
        }
        if (owner != session.Sender) throw new CliException($"only the owner {owner} of model {modelId} may change its policy; the signer is {session.Sender}");
        var updated = _policy.Apply(p, current);
        var receipt = await session.Services.Registry.SetPolicyAsync(modelId, updated, ct);
        context.WriteResult([("model", modelId), .. PolicyOptions.Describe(updated), ("transaction", receipt.TransactionHash)]);
        return ExitCodes.Ok;
    }
}
