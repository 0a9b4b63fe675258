using System.CommandLine;
using OpenLedger.Demo;

var rpc = new Option<string>("--rpc") { Description = "the local Hardhat node's JSON-RPC URL", Required = true };
var deployment = new Option<string>("--deployment") { Description = "deployment file written by scripts/deploy.js", Required = true };
var node = new Option<string>("--node") { Description = "the OpenLedger node host's API URL", Required = true };
var workdir = new Option<string>("--workdir") { Description = "where shards, the test split, the report and summary.json go", Required = true };
var dataset = new Option<string>("--dataset") { Description = "dataset in scikit-learn CSV form", DefaultValueFactory = _ => "data/wine_data.csv" };
var tokenEnv = new Option<string>("--token-env") { Description = "environment variable holding the node's Epochs:ApiToken", DefaultValueFactory = _ => "OPENLEDGER_DEMO_TOKEN" };
var seed = new Option<ulong>("--seed") { Description = "seeds the split, the shards and the corruption", DefaultValueFactory = _ => 2026 };

var root = new RootCommand("OpenLedger's end-to-end demo scenario (run by scripts/demo.sh)") { rpc, deployment, node, workdir, dataset, tokenEnv, seed };
root.SetAction((parse, ct) => DemoRun.RunAsync(new DemoSettings(
    Url(parse.GetValue(rpc)!), parse.GetValue(deployment)!, Url(parse.GetValue(node)!), parse.GetValue(workdir)!,
    parse.GetValue(dataset)!, parse.GetValue(tokenEnv)!, parse.GetValue(seed)), Console.Out, Console.Error));
// No Ctrl-C handling of our own: the default ends the process at once, and scripts/demo.sh's trap then stops the
// node host and the chain. (System.CommandLine's handler would only cancel a token and let the scenario run on.)
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

// A base URL with a trailing slash, so routes resolve under it.
static Uri Url(string text) => new(text.EndsWith('/') ? text : text + "/", UriKind.Absolute);
