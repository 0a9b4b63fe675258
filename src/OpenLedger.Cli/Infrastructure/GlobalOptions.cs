using System.CommandLine;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>Options every verb accepts (recursive on the root command).</summary>
public static class GlobalOptions
{
    public static readonly Option<Uri> Rpc = new("--rpc")
    {
        Description = "JSON-RPC URL of the Ethereum node",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:8545"),
        Recursive = true,
        CustomParser = r => Options.ParseHttpUrl(r, "--rpc"),
    };

    public static readonly Option<string> Deployment = new("--deployment")
    {
        Description = "deployment file written by scripts/deploy.js (chain id and contract addresses)",
        DefaultValueFactory = _ => "deployments/localhost.json",
        Recursive = true,
    };

    public static readonly Option<Uri> Node = new("--node")
    {
        Description = "URL of the OpenLedger node's query API",
        DefaultValueFactory = _ => new Uri("http://127.0.0.1:5080"),
        Recursive = true,
        CustomParser = r => Options.ParseHttpUrl(r, "--node"),
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "print JSON instead of human-readable tables",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Rpc, Deployment, Node, Json];
}
