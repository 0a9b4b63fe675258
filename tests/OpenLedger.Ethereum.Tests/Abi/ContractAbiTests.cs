using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Abi;

public class ContractAbiTests
{
    private static readonly string SampleJson = File.ReadAllText(RepoPaths.Combine("tests", "OpenLedger.Ethereum.Tests", "Abi", "abi-sample.json"));
    private static readonly ContractAbi Sample = ContractAbi.Parse(SampleJson);

    [Fact]
    public void Signatures_selectors_and_topics_match_ethers_interface()
    {
        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/abi-json.js", System.Text.Json.Nodes.JsonNode.Parse(SampleJson)!)
            .AsArray().Select(x => (x!["kind"]!.GetValue<string>(), x["signature"]!.GetValue<string>(), x["id"]!.GetValue<string>()))
            .OrderBy(x => x.Item2).ToArray();
        var ours = Sample.Functions.Select(f => ("function", f.Signature, f.Selector.ToString()))
            .Concat(Sample.Events.Select(e => ("event", e.Signature, e.Topic0.ToString())))
            .Concat(Sample.Errors.Select(e => ("error", e.Signature, e.Selector.ToString())))
            .OrderBy(x => x.Item2).ToArray();
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void Nested_tuple_components_build_the_canonical_type()
    {
        Assert.Equal("nested(((bytes,int24[3]),address[])[2][])", Sample.Function("nested").Signature);
        Assert.Equal("registerBatch((uint256,bytes32,uint8,string)[])", Sample.Function("registerBatch").Signature);
    }

    [Fact]
    public void Overloaded_function_needs_its_signature()
    {
        var e = Assert.Throws<EthereumException>(() => Sample.Function("transfer"));
        Assert.Equal("The ABI has 2 overloads of function 'transfer': use one of transfer(address,uint256), transfer(address)", e.Message);
        Assert.Single(Sample.Function("transfer(address)").Inputs);
    }

    [Fact]
    public void Missing_names_are_reported()
    {
        Assert.Equal("The ABI has no event 'Nope'", Assert.Throws<EthereumException>(() => Sample.Event("Nope")).Message);
    }

    [Fact]
    public void Events_are_found_by_topic0_and_errors_decode_reverts()
    {
        var registered = Sample.Event("ContributionRegistered");
        Assert.Same(registered, Sample.FindEvent(registered.Topic0));
        Assert.Null(Sample.FindEvent(Sample.Event("Swept").Topic0));
        var error = Sample.Error("ContributionRegistryBatchItem");
        var revert = Sample.RevertDecoder.Decode(error.Encode([new object[] { 3, "duplicate" }]));
        Assert.Equal("Execution reverted with ContributionRegistryBatchItem(item=[3, \"duplicate\"])", revert.Message);
        Assert.Equal(Sample.Function("register"), Sample.FindFunction(Sample.Function("register").Selector));
    }

    [Theory]
    [InlineData("{}", "A contract ABI must be a JSON array but is Object")]
    [InlineData("[{\"type\":\"function\"}]", "ABI entry 0: entry has no name")]
    [InlineData("[{\"type\":\"function\",\"name\":\"f\",\"inputs\":[{\"type\":\"uint7\"}]}]", "ABI entry 0: uint7 is not an ABI type")]
    [InlineData("[{\"type\":\"gadget\",\"name\":\"f\"}]", "ABI entry 0: unknown entry type 'gadget'")]
    [InlineData("[{", "A contract ABI must be JSON")]
    public void Malformed_abis_are_rejected(string json, string reason)
    {
        Assert.StartsWith(reason, Assert.Throws<EthereumException>(() => ContractAbi.Parse(json)).Message);
    }

    [Fact]
    public void Tuple_keyword_is_accepted_in_type_strings() =>
        Assert.Equal("(uint256,(bool,string)[])", AbiType.Parse("tuple(uint256,tuple(bool,string)[])").CanonicalName);

    [Fact]
    public void Calldata_built_from_the_json_abi_round_trips()
    {
        var register = Sample.Function("register");
        var args = register.DecodeCall(register.EncodeCall(1, new byte[32], 2, "u"));
        Assert.Equal(BigInteger.One, args[0]);
        Assert.Equal("u", args[3]);
    }
}
