using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Abi;

public class EventDecodingTests
{
    private static readonly AbiEvent Registered = AbiEvent.Parse(
        "event ContributionRegistered(uint256 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, string uri, uint256 bond)");

    private static readonly Address Contributor = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

    private static (Hash32[] Topics, byte[] Data) Log() =>
    (
        [Registered.Topic0, AbiEvent.EncodeTopic(AbiType.UInt256, 7), AbiEvent.EncodeTopic(AbiType.UInt256, 2), AbiEvent.EncodeTopic(AbiType.Address, Contributor)],
        AbiEncoder.Encode([AbiType.Bytes32, AbiType.UInt(8), AbiType.String, AbiType.UInt256], [new byte[32], 1, "ipfs://x", BigInteger.Pow(10, 18)])
    );

    [Fact]
    public void Contribution_registered_log_decodes_by_name()
    {
        var (topics, data) = Log();
        var decoded = Registered.DecodeLog(topics, data);
        Assert.Equal(new BigInteger(7), decoded.Get<BigInteger>("id"));
        Assert.Equal(Contributor, decoded.Get<Address>("contributor"));
        Assert.Equal("ipfs://x", decoded["uri"]);
        Assert.Equal(BigInteger.Pow(10, 18), decoded["bond"]);
    }

    [Fact]
    public void Log_with_another_topic0_is_rejected()
    {
        var (topics, data) = Log();
        topics[0] = Keccak.Hash("Other()");
        var e = Assert.Throws<EthereumException>(() => Registered.DecodeLog(topics, data));
        Assert.Contains($"must have topic0 {Registered.Topic0} but has {topics[0]}", e.Message);
    }

    [Fact]
    public void Log_with_missing_topics_is_rejected()
    {
        var (topics, data) = Log();
        var e = Assert.Throws<EthereumException>(() => Registered.DecodeLog(topics[..3], data));
        Assert.Contains("must have 4 topics but has 3", e.Message);
    }

    [Fact]
    public void Dirty_address_topic_is_rejected_naming_the_topic()
    {
        var (topics, data) = Log();
        var dirty = topics[3].ToArray();
        dirty[0] = 1;
        topics[3] = new Hash32(dirty);
        var e = Assert.Throws<EthereumException>(() => Registered.DecodeLog(topics, data));
        Assert.Contains("topic 3 (address indexed contributor)", e.Message);
        Assert.Contains("address word has non-zero bytes", e.Message);
    }

    [Fact]
    public void Truncated_log_data_is_rejected()
    {
        var (topics, data) = Log();
        var e = Assert.Throws<EthereumException>(() => Registered.DecodeLog(topics, data[..100]));
        Assert.Contains("ContributionRegistered(uint256,uint256,address,bytes32,uint8,string,uint256) data", e.Message);
    }

    [Fact]
    public void Unknown_parameter_name_is_rejected()
    {
        var (topics, data) = Log();
        var e = Assert.Throws<EthereumException>(() => Registered.DecodeLog(topics, data)["nope"]);
        Assert.Contains("has no parameter named 'nope'", e.Message);
    }

    [Fact]
    public void Indexed_array_topics_cannot_be_encoded()
    {
        var e = Assert.Throws<EthereumException>(() => AbiEvent.EncodeTopic(AbiType.Parse("uint256[]"), new[] { 1 }));
        Assert.Contains("Topic encoding of indexed uint256[] is not supported", e.Message);
    }
}
