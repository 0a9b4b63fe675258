using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>status: the chain (id, head, contracts) and the node (indexer cursor, lag, health).</summary>
public sealed class StatusCommand : VerbCommand
{
    public StatusCommand() : base("status", "show the chain, the deployment and the node's indexing status") { }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var session = await context.ReadChainAsync(ct);
        var head = await session.Rpc.GetBlockNumberAsync(ct);
        var node = (await context.Node().GetAsync("status", ct))!;
        var d = session.Deployment;
        if (context.Json)
        {
            context.WriteJson(new JsonObject
            {
                ["chainId"] = d.ChainId,
                ["head"] = head,
                ["contracts"] = new JsonObject
                {
                    ["OpenToken"] = d.OpenToken.Address.ToString(),
                    ["ContributionRegistry"] = d.ContributionRegistry.Address.ToString(),
                    ["ModelShares"] = d.ModelShares.Address.ToString(),
                    ["RewardDistributor"] = d.RewardDistributor.Address.ToString(),
                },
                ["node"] = node.DeepClone(),
            });
            return ExitCodes.Ok;
        }
        context.WriteResult(("chain id", d.ChainId), ("head", head), ("OpenToken", d.OpenToken.Address),
            ("ContributionRegistry", d.ContributionRegistry.Address), ("ModelShares", d.ModelShares.Address),
            ("RewardDistributor", d.RewardDistributor.Address), ("node", context.NodeUrl), ("node status", node["status"]?.ToString()),
            ("indexed to", node["cursor"]?.ToString()), ("lag", node["lag"]?.ToString()), ("healthy", node["healthy"]?.ToString()));
        return ExitCodes.Ok;
    }
}
