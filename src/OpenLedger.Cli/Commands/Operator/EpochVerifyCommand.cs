using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Node.Epochs;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// epoch verify: fetches the report and distribution a node serves for an epoch and recomputes both locally against
/// the chain's record of the epoch, so anyone can audit an epoch without trusting the node that posted it.
/// </summary>
public sealed class EpochVerifyCommand : VerbCommand
{
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<BigInteger> _epoch = new("--epoch")
    {
        Description = "the posted epoch to verify",
        Required = true,
        CustomParser = r => Infrastructure.Options.PositiveInteger(r, "--epoch"),
    };

    public EpochVerifyCommand() : base("verify", "recompute a posted epoch from the node's report and compare it with the chain")
    {
        Options.Add(_model);
        Options.Add(_epoch);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var modelId = p.GetValue(_model);
        var epoch = p.GetValue(_epoch);
        var session = await context.ReadChainAsync(ct);
        await session.RequireModelAsync(modelId, ct);
        // The chain says which epochs exist; asking the node first turned an epoch past them into its bare HTTP status.
        var last = await session.Services.Distributor.LastEpochAsync(modelId, ct: ct);
        if (epoch > last)
            throw new CliException(last.IsZero ? $"model {modelId} has no epoch posted on chain {session.Deployment.ChainId} yet"
                : $"model {modelId} has posted epochs 1 to {last} on chain {session.Deployment.ChainId}; epoch {epoch} is not one of them");
        IReadOnlyList<EpochDifference> differences;
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) })
        {
            try
            {
                differences = await new EpochVerifier(session.Services.Distributor).VerifyFromNodeAsync(http, context.NodeUrl, modelId, epoch, ct);
            }
            catch (HttpRequestException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                throw new CliException($"the node at {context.NodeUrl} serves no report for model {modelId} epoch {epoch}");
            }
            catch (HttpRequestException e) when (e.StatusCode is { } status)
            {
                throw new CliException($"the node at {context.NodeUrl} refused the report of model {modelId} epoch {epoch} ({(int)status} {status})");
            }
            catch (HttpRequestException e)
            {
                throw new CliException($"cannot fetch the report of model {modelId} epoch {epoch} from {context.NodeUrl}: {e.Message}");
            }
        }
        var posted = await session.Services.Distributor.EpochAsync(modelId, epoch, ct: ct);

        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["model"] = modelId.ToString(),
                ["epoch"] = epoch.ToString(),
                ["verifies"] = differences.Count == 0,
                ["root"] = posted.Root.ToString(),
                ["totalOpen"] = posted.TotalOpen.ToString(),
                ["totalShares"] = posted.TotalShares.ToString(),
                ["reportHash"] = posted.ReportHash.ToString(),
                ["differences"] = new JsonArray([.. differences.Select(d => (JsonNode)new JsonObject
                {
                    ["field"] = d.Field, ["posted"] = d.Posted, ["recomputed"] = d.Recomputed,
                })]),
            });
        }
        else if (differences.Count == 0)
        {
            context.Console.Out.WriteLine($"epoch {epoch} of model {modelId} verifies: root {posted.Root}, totals {Amounts.Format(posted.TotalOpen)} OPEN " +
                $"and {posted.TotalShares} shares, report hash {posted.ReportHash}");
        }
        else
        {
            context.Console.Out.WriteLine($"epoch {epoch} of model {modelId} does NOT verify ({differences.Count} difference(s)):");
            foreach (var d in differences) context.Console.Out.WriteLine($"  {d.Field}: posted {d.Posted}, recomputed {d.Recomputed}");
        }
        return differences.Count == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
