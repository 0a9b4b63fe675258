using System.Text.Json;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Cli;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum;

namespace OpenLedger.Demo;

/// <summary>Sets the scenario up, plays it, prints the final table from the API, checks the invariants and writes summary.json.</summary>
public static class DemoRun
{
    public static async Task<int> RunAsync(DemoSettings settings, TextWriter output, TextWriter error)
    {
        var narrator = new Narrator(output);
        var token = Environment.GetEnvironmentVariable(settings.ApiTokenVariable);
        if (string.IsNullOrEmpty(token))
        {
            await error.WriteLineAsync($"demo: environment variable {settings.ApiTokenVariable} (--token-env) must hold the node's API token");
            return 2;
        }
        Directory.CreateDirectory(settings.WorkDirectory);
        using var rpcHttp = new HttpClient();
        var rpc = new JsonRpcClient(rpcHttp, settings.RpcUrl);
        var cast = new Cast(Mnemonic.Generate());
        var openledger = new OpenLedgerCommand(settings, narrator);
        cast.ExportTo(openledger.Environment);
        openledger.Environment[settings.ApiTokenVariable] = token;
        var node = new NodeApi(settings.NodeUrl);
        var chain = new LocalChain(rpc, OpenLedgerDeployment.Load(settings.DeploymentFile), node);
        narrator.Say($"every command below also gets --rpc {settings.RpcUrl.ToString().TrimEnd('/')} --deployment {settings.DeploymentFile} --node {settings.NodeUrl.ToString().TrimEnd('/')}");
        try
        {
            var outcome = await new Scenario(settings, cast, openledger, chain, node, narrator).PlayAsync();
            await chain.WaitForIndexAsync();
            var table = await FinalTable.ReadAsync(node, cast, outcome, Scenario.Epoch);
            narrator.Chapter($"The result, read from the node's API at {settings.NodeUrl.ToString().TrimEnd('/')}");
            table.Print(output);
            var problems = DemoInvariants.Check(table, outcome.Posted, outcome.Verified, outcome.Flagged, outcome.Evaluation, cast.Copied.Name);
            await WriteSummaryAsync(settings, outcome, table, problems);
            output.WriteLine();
            if (problems.Count == 0)
                output.WriteLine("invariants hold: every OPEN and share of the epoch claimed, the corrupted shard at zero and slashed, the near-copy at zero, junk within 1 %, the report scored on the sealed test set, the epoch verifies");
            foreach (var problem in problems) await error.WriteLineAsync($"invariant violated: {problem}");
            output.WriteLine($"API: {settings.NodeUrl.ToString().TrimEnd('/')} (e.g. {new Uri(settings.NodeUrl, $"models/{outcome.ModelId}/contributions")}, /openapi/v1.json)");
            output.WriteLine($"Explorer: {new Uri(settings.NodeUrl, "explorer/")} (this model: {new Uri(settings.NodeUrl, $"explorer/#/models/{outcome.ModelId}")})");
            return problems.Count == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is DemoFailure or CliException or EthereumException or HttpRequestException or IOException)
        {
            await error.WriteLineAsync($"demo failed: {e.Message}");
            return 1;
        }
    }

    private static async Task WriteSummaryAsync(DemoSettings settings, DemoOutcome outcome, FinalTable table, IReadOnlyList<string> problems)
    {
        var summary = new
        {
            model = outcome.ModelId,
            epoch = Scenario.Epoch,
            posted = outcome.Posted,
            verified = outcome.Verified,
            testSetHash = new { committed = outcome.Evaluation.Committed, served = outcome.Evaluation.Served, reported = outcome.Evaluation.Reported },
            epochStatus = table.Epoch.Status,
            totalOpen = table.Epoch.TotalOpen.ToString(),
            totalShares = table.Epoch.TotalShares.ToString(),
            contributors = table.Rows.Select(r => new
            {
                name = r.Name, account = r.Account, registered = r.RegisteredHow, contentHash = r.ContentHash, status = r.Status,
                value = r.Value, open = r.OpenClaimed.ToString(), shares = r.SharesHeld.ToString(), revenue = r.RevenueWithdrawn.ToString(),
                part = r.Part.ToString().ToLowerInvariant(), outcome = r.Outcome, why = r.Why,
            }),
            invariantsHold = problems.Count == 0,
            problems,
        };
        await File.WriteAllTextAsync(Path.Combine(settings.WorkDirectory, "summary.json"),
            JsonSerializer.Serialize(summary, new JsonSerializerOptions { WriteIndented = true }));
    }
}
