using System.Numerics;
using Microsoft.Extensions.Options;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Shares;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Deployment;

namespace OpenLedger.Node.Chain;

/// <summary>
/// What an account can withdraw from a model's revenue now: ModelShares.withdrawableRevenue, asked of the chain at the
/// indexed cursor block (the events cannot tell it: it depends on the contract's per-share accumulator and rounding),
/// so it agrees with the rest of what the API serves.
/// </summary>
public sealed partial class RevenueReader(IOptions<IndexerOptions> options, ILogger<RevenueReader> logger)
{
    private readonly Lazy<ModelSharesService> _shares = new(() => new ModelSharesService(new ContractClient(
        new JsonRpcClient(new HttpClient(), new Uri(options.Value.RpcUrl),
            new JsonRpcClientOptions { RequestTimeout = TimeSpan.FromSeconds(2), MaxRetries = 0 }),
        DeploymentFile.Load(options.Value.DeploymentFile).Shares.Address)));

    /// <summary>The amount in token units, or null when the chain cannot be asked now.</summary>
    public async Task<BigInteger?> WithdrawableAsync(long modelId, string account, long block, CancellationToken cancellationToken)
    {
        try
        {
            return await _shares.Value.WithdrawableRevenueAsync(modelId, Address.Parse(account), (ulong)block, cancellationToken);
        }
        catch (EthereumException e)
        {
            LogUnavailable(modelId, account, block, e.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Withdrawable revenue of {Account} in model {ModelId} at block {Block} unavailable: {Error}")]
    private partial void LogUnavailable(long modelId, string account, long block, string error);
}
