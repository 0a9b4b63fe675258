using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Registry;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>model create: a new model owned by the signer, with its policy.</summary>
public sealed class ModelCreateCommand : VerbCommand
{
    private static readonly Policy Defaults = new(0, 7 * 24 * 3600, 3 * 24 * 3600, 1000, 2000, false, 0);
    private readonly Option<string> _metadata = new("--metadata-uri") { Description = "URI of the model's metadata", Required = true };
    private readonly PolicyOptions _policy = new();
    private readonly SignerOptions _signer = new();

    public ModelCreateCommand() : base("create", "create a model (defaults: no minimum bond, 7-day bond lock, 3-day dispute window, 10% owner, 20% pool)")
    {
        Options.Add(_metadata);
        _policy.AddTo(this);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var policy = _policy.Apply(context.Parse, Defaults);
        var session = await context.SignChainAsync(_signer, ct);
        var receipt = await session.Services.Registry.CreateModelAsync(context.Parse.GetValue(_metadata)!, policy, ct);
        var created = receipt.Events<ModelCreatedEvent>(session.Services.Registry.Address).Single();
        context.WriteResult([("model", created.ModelId), ("owner", created.Owner), .. PolicyOptions.Describe(policy), ("transaction", receipt.TransactionHash)]);
        return ExitCodes.Ok;
    }
}
