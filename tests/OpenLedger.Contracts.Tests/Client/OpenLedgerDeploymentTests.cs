using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Tests.Client;

public sealed class OpenLedgerDeploymentTests
{
    private const string Valid = """
        {"network":"localhost","chainId":31337,"contracts":{
          "OpenToken":{"address":"0x5FbDB2315678afecb367f032d93F642f64180aa3","deploymentBlock":1},
          "ContributionRegistry":{"address":"0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512","deploymentBlock":2},
          "ModelShares":{"address":"0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0","deploymentBlock":3},
          "RewardDistributor":{"address":"0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9","deploymentBlock":4}}}
        """;

    [Fact]
    public void Deploy_script_output_reads_into_addresses_and_blocks()
    {
        var deployment = OpenLedgerDeployment.Parse(Valid);
        Assert.Equal(31337UL, deployment.ChainId);
        Assert.Equal(new DeployedContract(Address.Parse("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"), 3), deployment.ModelShares);
        Assert.Equal(4UL, deployment.RewardDistributor.DeploymentBlock);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "expected a JSON object but found Array")]
    [InlineData("""{"contracts":{}}""", "expected chainId as a non-negative integer but found nothing")]
    [InlineData("""{"chainId":"31337","contracts":{}}""", "expected chainId as a non-negative integer but found \"31337\"")]
    [InlineData("""{"chainId":1}""", "expected an object 'contracts'")]
    [InlineData("""{"chainId":1,"contracts":{}}""", "expected contracts.OpenToken with address and deploymentBlock but it is missing")]
    public void Malformed_deployment_files_are_rejected_saying_what_was_expected(string json, string message)
    {
        var ex = Assert.Throws<EthereumException>(() => OpenLedgerDeployment.Parse(json));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void A_bad_address_or_block_names_the_contract()
    {
        var noBlock = Valid.Replace("\"deploymentBlock\":3", "\"deploymentBlock\":-3");
        Assert.Contains("contracts.ModelShares.deploymentBlock", Assert.Throws<EthereumException>(() => OpenLedgerDeployment.Parse(noBlock)).Message);
        var badAddress = Valid.Replace("0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0", "0x1234");
        Assert.Throws<EthereumException>(() => OpenLedgerDeployment.Parse(badAddress));
    }

    [Fact]
    public void A_missing_file_names_the_path_and_the_fix()
    {
        var ex = Assert.Throws<EthereumException>(() => OpenLedgerDeployment.Load("/nonexistent/localhost.json"));
        Assert.Contains("/nonexistent/localhost.json", ex.Message);
        Assert.Contains("deploy.js", ex.Message);
    }

    [Fact]
    public void A_hardhat_artifact_that_is_missing_or_malformed_is_rejected()
    {
        Assert.Contains("npx hardhat compile", Assert.Throws<EthereumException>(() => HardhatArtifact.Load("/nonexistent/X.json")).Message);
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"contractName":"X","sourceName":"X.sol"}""");
        try
        {
            Assert.Contains("no string field 'bytecode'", Assert.Throws<EthereumException>(() => HardhatArtifact.Load(file)).Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Connecting_a_client_of_another_chain_is_rejected()
    {
        using var http = new HttpClient();
        var rpc = new OpenLedger.Ethereum.Rpc.JsonRpcClient(http, new Uri("http://127.0.0.1:9/"));
        var client = new OpenLedger.Ethereum.Sending.EthereumClient(rpc, new OpenLedger.Ethereum.Accounts.HdWallet(OpenLedger.TestSupport.HardhatNode.DefaultMnemonic).GetAccount(0), chainId: 1);
        var ex = Assert.Throws<EthereumException>(() => OpenLedgerDeployment.Parse(Valid).Connect(client));
        Assert.Contains("on chain 31337 but the client signs for chain 1", ex.Message);
    }
}
