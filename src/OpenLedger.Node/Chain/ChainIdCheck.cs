using Microsoft.Extensions.Options;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Deployment;

namespace OpenLedger.Node.Chain;

/// <summary>
/// Asks the JSON-RPC node its chain id before anything else starts, and stops the host with
/// <see cref="NodeStartupException"/> when it is not the configured one (or not the deployment file's): a node pointed at
/// another chain would otherwise run, unhealthy, serving nothing it could index, and relay to contracts that are not there.
/// A node that does not answer is not refused here: the indexer retries and reports it through /health.
/// </summary>
public sealed partial class ChainIdCheck(IOptions<IndexerOptions> options, ILogger<ChainIdCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => CheckAsync(options.Value, logger, cancellationToken);

    /// <summary>Throws <see cref="NodeStartupException"/> when <paramref name="indexer"/>'s RPC URL serves another chain than configured.</summary>
    public static async Task CheckAsync(IndexerOptions indexer, ILogger logger, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var rpc = new JsonRpcClient(http, new Uri(indexer.RpcUrl),
            new JsonRpcClientOptions { RequestTimeout = TimeSpan.FromSeconds(5), MaxRetries = 0 });
        ulong served;
        try
        {
            served = await rpc.GetChainIdAsync(cancellationToken);
        }
        catch (EthereumException e)
        {
            LogUnreachable(logger, indexer.RpcUrl, e.Message);
            return;
        }
        var deployed = DeployedChain(indexer.DeploymentFile);
        if (served == indexer.ChainId && (deployed is null || deployed == served)) return;
        var expected = served != indexer.ChainId
            ? deployed == indexer.ChainId
                ? $"the deployment file {indexer.DeploymentFile} (and Indexer:ChainId) is for chain {indexer.ChainId}"
                : $"Indexer:ChainId is {indexer.ChainId}"
            : $"the deployment file {indexer.DeploymentFile} is for chain {deployed}";
        throw new NodeStartupException($"{indexer.RpcUrl} serves chain {served} but {expected}: point the RPC URL at that chain, or use the deployment of chain {served}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A missing or unreadable deployment file is the indexer's to report (through /health), not a reason to stop here.
    private static ulong? DeployedChain(string path)
    {
        try { return DeploymentFile.Load(path).ChainId; }
        catch (IndexerException) { return null; }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask {RpcUrl} for its chain id at start ({Error}); the indexer keeps trying")]
    private static partial void LogUnreachable(ILogger logger, string rpcUrl, string error);
}
