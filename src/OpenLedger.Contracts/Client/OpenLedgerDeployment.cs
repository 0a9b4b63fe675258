using System.Text.Json;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Contracts.Client;

/// <summary>
/// deployments/&lt;network&gt;.json as scripts/deploy.js writes it: the chain id and the four contracts' addresses
/// and deployment blocks. Connect it to get the typed services.
/// </summary>
public sealed record OpenLedgerDeployment(
    ulong ChainId,
    DeployedContract OpenToken,
    DeployedContract ContributionRegistry,
    DeployedContract ModelShares,
    DeployedContract RewardDistributor)
{
    public static OpenLedgerDeployment Load(string path)
    {
        if (!File.Exists(path)) throw new EthereumException($"Deployment file {path} does not exist: run scripts/deploy.js for that network");
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (EthereumException e)
        {
            throw new EthereumException($"Deployment file {path}: {e.Message}", e);
        }
    }

    public static OpenLedgerDeployment Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new EthereumException($"not valid JSON ({e.Message})", e); }
        using var owned = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new EthereumException($"expected a JSON object but found {root.ValueKind}");
        var chainId = Number(root, "chainId", "chainId");
        if (!root.TryGetProperty("contracts", out var contracts) || contracts.ValueKind != JsonValueKind.Object)
            throw new EthereumException("expected an object 'contracts' naming each contract's address and deploymentBlock");
        return new OpenLedgerDeployment(chainId,
            Contract(contracts, "OpenToken"), Contract(contracts, "ContributionRegistry"),
            Contract(contracts, "ModelShares"), Contract(contracts, "RewardDistributor"));
    }

    /// <summary>Typed read-only services (no account): for the indexer, the node and query commands.</summary>
    public OpenLedgerServices Connect(JsonRpcClient rpc) => new(
        new OpenTokenService(new ContractClient(rpc, OpenToken.Address)),
        new ContributionRegistryService(new ContractClient(rpc, ContributionRegistry.Address)),
        new ModelSharesService(new ContractClient(rpc, ModelShares.Address)),
        new RewardDistributorService(new ContractClient(rpc, RewardDistributor.Address)));

    /// <summary>Typed services that also send, signing with <paramref name="client"/>'s account; the chain ids must agree.</summary>
    public OpenLedgerServices Connect(EthereumClient client)
    {
        if (client.ChainId != ChainId)
            throw new EthereumException($"The deployment is on chain {ChainId} but the client signs for chain {client.ChainId}");
        return new(
            new OpenTokenService(new ContractClient(client, OpenToken.Address)),
            new ContributionRegistryService(new ContractClient(client, ContributionRegistry.Address)),
            new ModelSharesService(new ContractClient(client, ModelShares.Address)),
            new RewardDistributorService(new ContractClient(client, RewardDistributor.Address)));
    }

    private static DeployedContract Contract(JsonElement contracts, string name)
    {
        if (!contracts.TryGetProperty(name, out var entry) || entry.ValueKind != JsonValueKind.Object)
            throw new EthereumException($"expected contracts.{name} with address and deploymentBlock but it is missing");
        if (!entry.TryGetProperty("address", out var address) || address.ValueKind != JsonValueKind.String)
            throw new EthereumException($"expected contracts.{name}.address as a string");
        return new DeployedContract(Address.Parse(address.GetString()!), Number(entry, "deploymentBlock", $"contracts.{name}.deploymentBlock"));
    }

    private static ulong Number(JsonElement parent, string field, string what) =>
        parent.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var n)
            ? n
            : throw new EthereumException($"expected {what} as a non-negative integer but found {(parent.TryGetProperty(field, out var v) ? v.GetRawText() : "nothing")}");
}
