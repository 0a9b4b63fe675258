using Microsoft.Extensions.Options;
using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Indexer;

namespace OpenLedger.Node.Relay;

/// <summary>The relayer: its account (decrypted once, on first use) and the deployment's typed services signing with it.</summary>
public sealed class RelaySender(IOptions<RelayOptions> relay, IOptions<IndexerOptions> indexer)
{
    private readonly Lazy<Task<OpenLedgerServices>> _services = new(() => ConnectAsync(relay.Value, indexer.Value));

    public Task<OpenLedgerServices> ServicesAsync() => _services.Value;

    private static async Task<OpenLedgerServices> ConnectAsync(RelayOptions relay, IndexerOptions indexer)
    {
        var account = Account.FromKeystore(await File.ReadAllTextAsync(relay.KeystorePath), relay.KeystorePassword);
        var rpc = new JsonRpcClient(new HttpClient(), new Uri(indexer.RpcUrl));
        var client = await EthereumClient.ConnectAsync(rpc, account, OpenLedgerContracts.RevertDecoder);
        return OpenLedgerDeployment.Load(indexer.DeploymentFile).Connect(client);
    }
}
