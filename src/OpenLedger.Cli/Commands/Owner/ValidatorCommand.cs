using System.CommandLine;
using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>validator add | validator remove: appoint or remove a model's validator (owner only).</summary>
public sealed class ValidatorCommand : VerbCommand
{
    private readonly bool _allowed;
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<Address> _address = Infrastructure.Options.AddressOption("--address", "the validator's address");
    private readonly SignerOptions _signer = new();

    public ValidatorCommand(bool allowed)
        : base(allowed ? "add" : "remove", allowed ? "appoint a validator who may flag the model's contributions" : "remove a validator")
    {
        _allowed = allowed;
        Options.Add(_model);
        Options.Add(_address);
        _signer.AddTo(this);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var modelId = context.Parse.GetValue(_model);
        var validator = context.Parse.GetValue(_address);
        var session = await context.SignChainAsync(_signer, ct);
        await OwnerChecks.RequireOwnerAsync(session, modelId, _allowed ? "add validators" : "remove validators", ct);
        var receipt = await session.Services.Registry.SetValidatorAsync(modelId, validator, _allowed, ct);
        context.WriteResult(("model", modelId), ("validator", validator), ("allowed", _allowed), ("transaction", receipt.TransactionHash));
        return ExitCodes.Ok;
    }
}
