using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Tests.Bindings;

public sealed class FunctionBindingTests
{
    private static readonly Address Alice = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Hash32 Content = Keccak.Hash("dataset-v1");
    private static readonly Hash32 Other = Keccak.Hash("other");

    [Fact]
    public void RegisterBatch_calldata_equals_ethers_and_decodes_back()
    {
        var call = new RegisterBatchFunction(3, [new Entry(Content, Kind.Compute, 1_000_000_000, "ipfs://a"), new Entry(Other, Kind.Data, 0, "")]);
        var expected = Ethers.Call([Ethers.Registry], "registerBatch", "3", new JsonArray(
            new JsonArray(Content.ToString(), 1, "1000000000", "ipfs://a"), new JsonArray(Other.ToString(), 0, "0", "")));
        Assert.Equal(Hex.Encode(expected), Hex.Encode(call.Encode()));
        var back = RegisterBatchFunction.DecodeCall(expected);
        Assert.Equal(call.Entries, back.Entries);
        Assert.Equal(call.ModelId, back.ModelId);
    }

    [Fact]
    public void ClaimBatch_with_nested_proofs_equals_ethers()
    {
        var call = new ClaimBatchFunction([new Claim(1, 2, 0, Alice, 100, 5, [Content, Other]), new Claim(1, 3, 7, Alice, 0, 1, [])]);
        var expected = Ethers.Call([Ethers.Distributor], "claimBatch", new JsonArray(
            new JsonArray("1", "2", "0", Alice.ToString(), "100", "5", new JsonArray(Content.ToString(), Other.ToString())),
            new JsonArray("1", "3", "7", Alice.ToString(), "0", "1", new JsonArray())));
        Assert.Equal(Hex.Encode(expected), Hex.Encode(call.Encode()));
    }

    [Fact]
    public void Struct_and_multi_value_returns_decode_from_ethers_output()
    {
        var policy = new ModelPolicyFunction(1).DecodeOutput(Ethers.Result([Ethers.Registry], "modelPolicy", new JsonArray("5", 60, 120, 100, 200, false, 8000)));
        Assert.Equal(new Policy(5, 60, 120, 100, 200, false, 8000), policy);

        var epoch = new EpochFunction(1, 2).DecodeOutput(Ethers.Result([Ethers.Distributor], "epoch",
            new JsonArray(Content.ToString(), Other.ToString(), "10", "20", "3", "4", "99", 2)));
        Assert.Equal(new Epoch(Content, Other, 10, 20, 3, 4, 99, EpochStatus.Vetoed), epoch);

        var domain = new Token.Eip712DomainFunction().DecodeOutput(Ethers.Result([Ethers.Token], "eip712Domain",
            "0x0f", "OpenLedger", "1", "31337", Alice.ToString(), Hash32.Zero.ToString(), new JsonArray()));
        Assert.Equal("OpenLedger", domain.Name);
        Assert.Equal((BigInteger)31337, domain.ChainId);
        Assert.Equal(Alice, domain.VerifyingContract);
    }

    [Fact]
    public void Simple_calls_equal_ethers_and_know_whether_they_are_read_only()
    {
        var transfer = new TransferFunction(Alice, 5);
        Assert.Equal(Ethers.Call([Ethers.Token], "transfer", Alice.ToString(), "5"), transfer.Encode());
        Assert.False(transfer.IsReadOnly);
        Assert.True(transfer.DecodeOutput(Ethers.Result([Ethers.Token], "transfer", true)));

        var balance = new WithdrawableRevenueFunction(2, Alice);
        Assert.Equal(Ethers.Call([Ethers.Shares], "withdrawableRevenue", "2", Alice.ToString()), balance.Encode());
        Assert.True(balance.IsReadOnly);
    }

    [Fact]
    public void Calldata_of_another_function_is_rejected()
    {
        var transfer = new TransferFunction(Alice, 5).Encode();
        var ex = Assert.Throws<EthereumException>(() => ApproveFunction.DecodeCall(transfer));
        Assert.Contains("approve(address,uint256)", ex.Message);
    }

    [Fact]
    public void Return_data_too_short_for_the_output_is_rejected()
    {
        var ex = Assert.Throws<EthereumException>(() => new ModelPolicyFunction(1).DecodeOutput(new byte[64]));
        Assert.Contains("modelPolicy(uint256) return value", ex.Message);
    }

    [Fact]
    public void An_out_of_range_enum_value_is_rejected_when_encoding()
    {
        var ex = Assert.Throws<EthereumException>(() => new RegisterFunction(1, new Entry(Content, (Kind)4, 0, "")).Encode());
        Assert.Contains("Kind", ex.Message);
    }

    [Fact]
    public void An_out_of_range_enum_value_is_rejected_when_decoding()
    {
        var output = new byte[32];
        output[31] = 4;
        var ex = Assert.Throws<EthereumException>(() => new ContributionFunction(1, Content).DecodeOutput(new byte[128].Concat(output).ToArray()));
        Assert.Contains("Status value 4 is not a member", ex.Message);
    }
}
