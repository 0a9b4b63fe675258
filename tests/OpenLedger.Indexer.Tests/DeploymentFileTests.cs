using OpenLedger.Indexer.Deployment;

namespace OpenLedger.Indexer.Tests;

public sealed class DeploymentFileTests
{
    private const string Registry = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private const string Shares = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    private const string Distributor = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

    private static string Json(string registryBlock = "3", string chainId = "31337", string registryAddress = Registry) => $$"""
        { "chainId": {{chainId}}, "contracts": {
            "ContributionRegistry": { "address": "{{registryAddress}}", "deploymentBlock": {{registryBlock}}, "transactionHash": "0x00" },
            "ModelShares": { "address": "{{Shares}}", "deploymentBlock": 4 },
            "RewardDistributor": { "address": "{{Distributor}}", "deploymentBlock": 5 } } }
        """;

    [Fact]
    public void A_deployment_file_gives_addresses_and_the_first_block_to_index()
    {
        var file = DeploymentFile.Parse(Json());
        Assert.Equal(31337UL, file.ChainId);
        Assert.Equal(Registry, file.Registry.Address.ToString());
        Assert.Equal(3, file.StartBlock);
        Assert.Equal(3, file.Addresses.Count);
    }

    [Theory]
    [InlineData("not json", "expected JSON but it does not parse")]
    [InlineData("[]", "expected a JSON object but found Array")]
    [InlineData("""{"contracts":{}}""", "expected a numeric 'chainId'")]
    [InlineData("""{"chainId":1}""", "expected a 'contracts' object")]
    [InlineData("""{"chainId":1,"contracts":{}}""", "expected contracts.ContributionRegistry but it is missing")]
    public void Malformed_files_are_rejected_with_what_was_expected(string json, string message)
    {
        var error = Assert.Throws<IndexerException>(() => DeploymentFile.Parse(json));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_bad_address_or_block_names_the_contract()
    {
        Assert.Contains("contracts.ContributionRegistry.address", Assert.Throws<IndexerException>(() => DeploymentFile.Parse(Json(registryAddress: "0x1234"))).Message);
        Assert.Contains("contracts.ContributionRegistry.deploymentBlock", Assert.Throws<IndexerException>(() => DeploymentFile.Parse(Json(registryBlock: "-1"))).Message);
    }

    [Fact]
    public void A_missing_file_says_to_deploy_first() =>
        Assert.Contains("run scripts/deploy.js first", Assert.Throws<IndexerException>(() => DeploymentFile.Load("/nonexistent/deployment.json")).Message);
}
