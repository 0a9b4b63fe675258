using Microsoft.Extensions.Options;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Indexer;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The chain as the submitter sees it: read-only distributor and registry views, and — once asked for — the
/// distributor signed by the reporter account from the encrypted keystore. The password and key stay in memory;
/// nothing here logs them or puts them in an exception message.
/// </summary>
public sealed class ReporterChain
{
    private readonly EpochOptions _options;
    private readonly OpenLedgerDeployment _deployment;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RewardDistributorService? _signed;

    public ReporterChain(IOptions<IndexerOptions> indexer, IOptions<EpochOptions> options)
        : this(new JsonRpcClient(new HttpClient { Timeout = TimeSpan.FromMinutes(2) }, new Uri(indexer.Value.RpcUrl)),
            OpenLedgerDeployment.Load(indexer.Value.DeploymentFile), options.Value)
    {
    }

    public ReporterChain(JsonRpcClient rpc, OpenLedgerDeployment deployment, EpochOptions options)
    {
        Rpc = rpc;
        _deployment = deployment;
        _options = options;
        var services = deployment.Connect(rpc);
        Distributor = services.Distributor;
        Registry = services.Registry;
    }

    public JsonRpcClient Rpc { get; }

    /// <summary>Read-only RewardDistributor (eth_call).</summary>
    public RewardDistributorService Distributor { get; }

    public ContributionRegistryService Registry { get; }

    public bool CanPost => _options.ReporterKeystore.Length > 0;

    /// <summary>The distributor signed by the reporter; opens the keystore on first use.</summary>
    public async Task<RewardDistributorService> ReporterAsync(CancellationToken ct)
    {
        if (_signed is not null) return _signed;
        await _gate.WaitAsync(ct);
        try
        {
            if (_signed is not null) return _signed;
            if (!CanPost) throw new EthereumException("No reporter keystore is configured (Epochs:ReporterKeystore): reports can be checked but not posted");
            if (!File.Exists(_options.ReporterKeystore))
                throw new EthereumException($"The reporter keystore {_options.ReporterKeystore} does not exist");
            var account = Account.FromKeystore(await File.ReadAllTextAsync(_options.ReporterKeystore, ct), _options.ReporterPassword);
            var client = await EthereumClient.ConnectAsync(Rpc, account, OpenLedgerContracts.RevertDecoder, ct: ct);
            return _signed = _deployment.Connect(client).Distributor;
        }
        finally
        {
            _gate.Release();
        }
    }
}
