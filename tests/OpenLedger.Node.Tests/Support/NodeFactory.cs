using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpenLedger.Node.Tests.Support;

/// <summary>The real node host (Program) in-process, its indexer pointed at a test chain and a temp SQLite file.</summary>
public sealed class NodeFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public static Dictionary<string, string> Settings(Uri rpc, string deploymentFile, string database, ulong chainId = 31337) => new()
    {
        ["Indexer:RpcUrl"] = rpc.ToString(),
        ["Indexer:ChainId"] = chainId.ToString(),
        ["Indexer:DeploymentFile"] = deploymentFile,
        ["Indexer:DatabasePath"] = database,
        ["Indexer:PollingInterval"] = "00:00:00.050",
    };
}
