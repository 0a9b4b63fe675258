using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Ethereum.Tests.Rpc;

public class RpcLogDecodingTests
{
    private static readonly ContractAbi Abi = ContractAbi.Parse("""
        [{"type":"event","name":"Flagged","inputs":[{"name":"id","type":"uint256","indexed":true},{"name":"reason","type":"string","indexed":false}]}]
        """);

    private static RpcLog Log(Hash32[] topics, byte[] data) =>
        new(Address.Zero, topics, data, 120, Hash32.Zero, Keccak.Hash("tx"), 0, 5, false);

    [Fact]
    public void Log_is_decoded_with_the_event_its_topic0_names()
    {
        var flagged = Abi.Event("Flagged");
        var log = Log([flagged.Topic0, AbiEvent.EncodeTopic(AbiType.UInt256, 9)], AbiEncoder.Encode(AbiType.String, "spam"));
        var decoded = Abi.TryDecode(log);
        Assert.Equal("Flagged", decoded!.Name);
        Assert.Equal("spam", decoded["reason"]);
    }

    [Fact]
    public void Log_of_an_unknown_event_is_null()
    {
        Assert.Null(Abi.TryDecode(Log([Keccak.Hash("Other()")], [])));
        Assert.Null(Abi.TryDecode(Log([], [])));
    }

    [Fact]
    public void Undecodable_log_names_block_index_and_transaction()
    {
        var flagged = Abi.Event("Flagged");
        var log = Log([flagged.Topic0, Hash32.Zero], [1, 2, 3]);
        var e = Assert.Throws<EthereumException>(() => flagged.Decode(log));
        Assert.StartsWith($"log 5 of block 120 (transaction {Keccak.Hash("tx")}, contract 0x0000000000000000000000000000000000000000): Flagged(uint256,string) data:", e.Message);
    }
}
