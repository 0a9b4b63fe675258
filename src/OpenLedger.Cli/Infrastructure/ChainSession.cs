using OpenLedger.Contracts;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>
/// The deployment file, the RPC node and the typed contract services, checked against each other before anything
/// is sent: the file must exist and name the chain the node is on.
/// </summary>
public sealed class ChainSession
{
    private ChainSession(OpenLedgerDeployment deployment, JsonRpcClient rpc, OpenLedgerServices services, EthereumClient? client)
    {
        Deployment = deployment;
        Rpc = rpc;
        Services = services;
        Client = client;
    }

    public OpenLedgerDeployment Deployment { get; }

    public JsonRpcClient Rpc { get; }

    public OpenLedgerServices Services { get; }

    public EthereumClient? Client { get; }

    public Address Sender => Client?.Account.Address ?? throw new InvalidOperationException("read-only session");

    public static async Task<ChainSession> OpenAsync(CliContext context, Account? signer, CancellationToken ct)
    {
        var deployment = LoadDeployment(context.DeploymentPath);
        var rpc = new JsonRpcClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, context.RpcUrl,
            new JsonRpcClientOptions { MaxRetries = 1 });
        ulong chainId;
        try
        {
            chainId = await rpc.GetChainIdAsync(ct);
        }
        catch (RpcException e)
        {
            throw new CliException($"cannot reach the Ethereum node at {context.RpcUrl}: {e.Detail}");
        }
        if (chainId != deployment.ChainId)
            throw new CliException($"wrong chain: {context.DeploymentPath} is for chain id {deployment.ChainId} but the node at {context.RpcUrl} is chain id {chainId}");
        if (signer is null) return new ChainSession(deployment, rpc, deployment.Connect(rpc), null);
        var client = new EthereumClient(rpc, signer, chainId, OpenLedgerContracts.RevertDecoder);
        return new ChainSession(deployment, rpc, deployment.Connect(client), client);
    }

    public static OpenLedgerDeployment LoadDeployment(string path)
    {
        if (!File.Exists(path)) throw new CliException($"deployment file {path} not found: deploy with scripts/deploy.js or pass --deployment FILE");
        try
        {
            return OpenLedgerDeployment.Load(path);
        }
        catch (EthereumException e)
        {
            throw new CliException(e.Message);
        }
    }

    /// <summary>Refuses before sending when the model does not exist (its owner is the zero address).</summary>
    public async Task<Address> RequireModelAsync(System.Numerics.BigInteger modelId, CancellationToken ct)
    {
        var owner = await Services.Registry.ModelOwnerAsync(modelId, ct: ct);
        return owner == Address.Zero ? throw new CliException($"model {modelId} does not exist on chain {Deployment.ChainId}") : owner;
    }
}
