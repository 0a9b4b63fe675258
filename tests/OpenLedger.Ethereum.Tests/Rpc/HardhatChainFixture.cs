using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Rpc;

/// <summary>A Hardhat node plus the compiled test contract Emitter.sol; each test deploys its own instance.</summary>
public sealed class HardhatChainFixture : IDisposable
{
    private readonly HardhatNode _node = new();
    private readonly HttpClient _http = new();

    public HardhatChainFixture()
    {
        Client = new JsonRpcClient(_http, _node.Url);
        var compiled = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/compile.js",
            new { path = "tests/OpenLedger.Ethereum.Tests/Rpc/Emitter.sol" });
        EmitterBytecode = Hex.Decode(compiled["Emitter"]!["bytecode"]!.GetValue<string>());
    }

    public JsonRpcClient Client { get; }

    public byte[] EmitterBytecode { get; }

    public async Task<(Address Contract, Address Deployer)> DeployEmitterAsync()
    {
        var deployer = (await Client.GetAccountsAsync())[0];
        var hash = await Client.SendTransactionAsync(new CallRequest { From = deployer, Data = EmitterBytecode });
        var receipt = await Client.GetTransactionReceiptAsync(hash) ?? throw new InvalidOperationException("deployment not mined");
        return (receipt.ContractAddress ?? throw new InvalidOperationException("no contract address"), deployer);
    }

    public void Dispose()
    {
        _http.Dispose();
        _node.Dispose();
    }
}
