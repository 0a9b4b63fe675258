using System.Text.Json;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Indexer.Deployment;

/// <summary>
/// deployments/&lt;network&gt;.json as scripts/deploy.js writes it:
/// <c>{ chainId, contracts: { Name: { address, deploymentBlock, transactionHash } } }</c>.
/// The indexer needs ContributionRegistry, ModelShares and RewardDistributor.
/// </summary>
public sealed record DeploymentFile(ulong ChainId, ContractDeployment Registry, ContractDeployment Shares, ContractDeployment Distributor)
{
    public IReadOnlyList<Address> Addresses => [Registry.Address, Shares.Address, Distributor.Address];

    /// <summary>The first block that can hold one of our events.</summary>
    public long StartBlock => Math.Min(Registry.DeploymentBlock, Math.Min(Shares.DeploymentBlock, Distributor.DeploymentBlock));

    public static DeploymentFile Load(string path)
    {
        if (!File.Exists(path)) throw new IndexerException($"Deployment file '{path}' does not exist: run scripts/deploy.js first");
        try { return Parse(File.ReadAllText(path)); }
        catch (IndexerException e) { throw new IndexerException($"Deployment file '{path}': {e.Message}", e); }
    }

    public static DeploymentFile Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new IndexerException($"expected JSON but it does not parse: {e.Message}", e); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new IndexerException($"expected a JSON object but found {root.ValueKind}");
            if (!root.TryGetProperty("chainId", out var chainId) || chainId.ValueKind != JsonValueKind.Number || !chainId.TryGetUInt64(out var id))
                throw new IndexerException("expected a numeric 'chainId'");
            if (!root.TryGetProperty("contracts", out var contracts) || contracts.ValueKind != JsonValueKind.Object)
                throw new IndexerException("expected a 'contracts' object");
            return new DeploymentFile(id, Contract(contracts, "ContributionRegistry"), Contract(contracts, "ModelShares"), Contract(contracts, "RewardDistributor"));
        }
    }

    private static ContractDeployment Contract(JsonElement contracts, string name)
    {
        if (!contracts.TryGetProperty(name, out var c) || c.ValueKind != JsonValueKind.Object)
            throw new IndexerException($"expected contracts.{name} but it is missing");
        if (!c.TryGetProperty("address", out var a) || a.ValueKind != JsonValueKind.String)
            throw new IndexerException($"expected contracts.{name}.address to be a string");
        Address address;
        try { address = Address.Parse(a.GetString()!); }
        catch (EthereumException e) { throw new IndexerException($"contracts.{name}.address: {e.Message}", e); }
        if (!c.TryGetProperty("deploymentBlock", out var b) || !b.TryGetInt64(out var block) || block < 0)
            throw new IndexerException($"expected contracts.{name}.deploymentBlock to be a block number");
        return new ContractDeployment(address, block);
    }
}
