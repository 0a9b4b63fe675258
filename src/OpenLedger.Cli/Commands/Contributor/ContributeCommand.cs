using System.CommandLine;
using System.Numerics;
using System.Security.Cryptography;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>
/// contribute: hash a file, check the model's policy, the duplicate, the balance and the allowance on-chain, then
/// register with a permit, or commit then reveal, or sign for the node's gasless relay.
/// </summary>
public sealed class ContributeCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<FileInfo> _file = new("--file") { Description = "the artifact; its keccak-256 (streamed, any size) is the content hash", Required = true };
    private readonly Option<string> _kind = new("--kind") { Description = "what the contribution is", Required = true };
    private readonly Option<string> _uri = new("--uri") { Description = "where the artifact can be fetched (kept in the event only)", DefaultValueFactory = _ => "" };
    private readonly Option<BigInteger?> _bond = new("--bond")
    {
        Description = "bond in OPEN (whole gwei; default: the model's minimum bond)",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (Amounts.TryParse(text, out var wei) && (wei % Amounts.Gwei).IsZero) return wei;
            r.AddError($"--bond expects an OPEN amount in whole gwei (at most 9 decimals) but got '{text}'");
            return null;
        },
    };
    private readonly Option<bool> _commitReveal = new("--commit-reveal") { Description = "commit first and reveal in a later block (automatic when the model requires it)" };
    private readonly Option<bool> _gasless = new("--gasless") { Description = "sign the registration and let the node's relay send it (a short bond allowance is covered by a signed permit the relay sends first; no ETH needed)" };
    private readonly SignerOptions _signer = new();

    private static readonly AbiType[] CommitmentTypes = [AbiType.Parse("address"), AbiType.Parse("uint256"), AbiType.Parse("bytes32"), AbiType.Parse("bytes32")];

    public ContributeCommand() : base("contribute", "register a file as a contribution to a model")
    {
        _kind.Validators.Add(r =>
        {
            var kind = r.Tokens.SingleOrDefault()?.Value ?? "";
            if (kind is not ("data" or "compute" or "finetune" or "evaluation"))
                r.AddError($"--kind expects data, compute, finetune or evaluation but got '{kind}'");
        });
        Options.Add(_model);
        Options.Add(_file);
        Options.Add(_kind);
        Options.Add(_uri);
        Options.Add(_bond);
        Options.Add(_commitReveal);
        Options.Add(_gasless);
        _signer.AddTo(this);
        Validators.Add(r =>
        {
            if (r.GetValue(_gasless) && r.GetValue(_commitReveal)) r.AddError("--gasless and --commit-reveal cannot be combined: the relay sends registerBySig");
        });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var session = await context.SignChainAsync(_signer, ct);
        var registry = session.Services.Registry;
        await session.RequireModelAsync(modelId, ct);
        var policy = await registry.ModelPolicyAsync(modelId, ct: ct);

        var contentHash = await ContentHasher.HashFileAsync(p.GetValue(_file)!.FullName, context.Console, ct);
        var kind = p.GetValue(_kind) switch { "data" => Kind.Data, "compute" => Kind.Compute, "finetune" => Kind.FineTune, _ => Kind.Evaluation };
        var bond = p.GetValue(_bond) ?? policy.MinBond;
        var entry = new Entry(contentHash, kind, bond, p.GetValue(_uri)!);
        var id = await registry.ContributionIdAsync(modelId, contentHash, ct: ct);

        // Every refusal the contract would make, made here first so no gas is spent on it.
        var existing = await registry.ContributionAsync(modelId, contentHash, ct: ct);
        if (existing.Status != Status.None)
            throw new CliException($"model {modelId} already holds content {contentHash}", hint: $"this content is already registered as {id}");
        if (bond < policy.MinBond)
            throw new CliException($"bond {Amounts.Format(bond)} OPEN is below model {modelId}'s minimum of {Amounts.Format(policy.MinBond)} OPEN");
        var balance = await session.Services.Token.BalanceOfAsync(session.Sender, ct: ct);
        if (balance < bond)
            throw new CliException($"too little OPEN: {session.Sender} holds {Amounts.Format(balance)} but the bond is {Amounts.Format(bond)}; " +
                Funding.OpenHint(session.Deployment.ChainId, session.Sender));

        var commitReveal = p.GetValue(_commitReveal) || policy.CommitReveal;
        if (p.GetValue(_gasless))
        {
            if (policy.CommitReveal) throw new CliException($"model {modelId} requires commit-reveal, which the gasless relay cannot do");
            return await GaslessRegistration.RunAsync(context, session, modelId, entry, id, ct);
        }

        TransactionReceipt receipt;
        if (commitReveal)
        {
            var allowance = await session.Services.Token.AllowanceAsync(session.Sender, registry.Address, ct: ct);
            if (allowance < bond)
            {
                context.Info($"approving {Amounts.Format(bond)} OPEN for the registry (reveal pulls the bond by allowance)");
                await session.Services.Token.ApproveAsync(registry.Address, bond, ct);
            }
            var salt = new Hash32(RandomNumberGenerator.GetBytes(32));
            var commitment = Keccak.Hash(AbiEncoder.Encode(CommitmentTypes, [session.Sender, modelId, contentHash, salt]));
            var committed = await registry.CommitAsync(commitment, ct);
            context.Info($"committed {commitment} in block {committed.BlockNumber}");
            // The commit is mined (its receipt is in hand), so the reveal necessarily lands in a later block.
            receipt = await registry.RevealAsync(modelId, entry, salt, ct);
        }
        else if (bond.IsZero)
        {
            receipt = await registry.RegisterAsync(modelId, entry, ct);
        }
        else
        {
            receipt = await Permits.RegisterWithPermitAsync(session, modelId, entry, ct);
        }
        var registered = receipt.Events<ContributionRegisteredEvent>(registry.Address).Single();
        context.WriteResult(("id", registered.Id), ("contentHash", contentHash), ("model", modelId), ("bond", Amounts.Format(bond)),
            ("transaction", receipt.TransactionHash), ("block", receipt.BlockNumber));
        return ExitCodes.Ok;
    }
}
