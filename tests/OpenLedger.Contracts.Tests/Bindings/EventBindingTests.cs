using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum;
using Abi = OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Tests.Bindings;

public sealed class EventBindingTests
{
    private static readonly Address Alice = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Address Bob = Address.Parse("0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");
    private static readonly Hash32 Content = Keccak.Hash("dataset-v1");
    private static readonly Hash32 Id = Keccak.Hash("id");

    [Fact]
    public void ContributionRegistered_log_encoded_by_ethers_decodes_into_the_record()
    {
        var log = Ethers.Event([Ethers.Registry], "ContributionRegistered",
            Id.ToString(), "7", Alice.ToString(), Content.ToString(), 2, "1000000000", "ipfs://data");
        var e = ContributionRegisteredEvent.Decode(log.Topics, log.Data);
        Assert.Equal(new ContributionRegisteredEvent(Id, 7, Alice, Content, Kind.FineTune, 1_000_000_000, "ipfs://data"), e);
        Assert.Equal(log.Topics[0], ContributionRegisteredEvent.Topic0);
    }

    [Fact]
    public void ContributionRegistered_log_whose_uri_is_not_utf8_decodes_so_the_indexer_never_halts_on_it()
    {
        // The registry accepts any bytes as a URI (Solidity does not check UTF-8), so anyone can emit such a log.
        // `bytes` and `string` share one encoding: encode the data with the URI as raw bytes 0x61 0xff 0x62.
        var data = Abi.AbiEncoder.Encode(
            [Abi.AbiType.Parse("bytes32"), Abi.AbiType.Parse("uint8"), Abi.AbiType.Parse("uint256"), Abi.AbiType.Bytes],
            [Content.ToArray(), (BigInteger)2, (BigInteger)1_000_000_000, new byte[] { 0x61, 0xff, 0x62 }]);
        var topics = new[] { ContributionRegisteredEvent.Topic0, Id, Word(7), Word(Alice) };
        var e = ContributionRegisteredEvent.Decode(topics, data);
        Assert.Equal("a\uFFFDb", e.Uri);
        Assert.Equal(Content, e.ContentHash);
    }

    private static Hash32 Word(BigInteger value) => new(Abi.AbiEncoder.Encode(Abi.AbiType.UInt(256), value));

    private static Hash32 Word(Address address) => new(Abi.AbiEncoder.Encode(Abi.AbiType.Address, address));

    [Fact]
    public void ModelCreated_log_with_a_policy_struct_decodes_into_the_record()
    {
        var log = Ethers.Event([Ethers.Registry], "ModelCreated",
            "1", Bob.ToString(), "ipfs://model", new JsonArray("340282366920938463463374607431768211455", 86400, 3600, 1000, 2500, true, 10000));
        var e = ModelCreatedEvent.Decode(log.Topics, log.Data);
        Assert.Equal(new Policy((BigInteger.One << 128) - 1, 86400, 3600, 1000, 2500, true, 10000), e.Policy);
        Assert.Equal((BigInteger)1, e.ModelId);
        Assert.Equal(Bob, e.Owner);
        Assert.Equal("ipfs://model", e.MetadataURI);
    }

    [Fact]
    public void ContributionsRegistered_log_with_an_array_of_entries_decodes_into_the_record()
    {
        var log = Ethers.Event([Ethers.Registry], "ContributionsRegistered", "3", Alice.ToString(), new JsonArray(
            new JsonArray(Content.ToString(), 0, "0", ""),
            new JsonArray(Id.ToString(), 3, "5000000000", "ipfs://ü")));
        var e = ContributionsRegisteredEvent.Decode(log.Topics, log.Data);
        Assert.Equal([new Entry(Content, Kind.Data, 0, ""), new Entry(Id, Kind.Evaluation, 5_000_000_000, "ipfs://ü")], e.Entries);
    }

    [Fact]
    public void Erc1155_TransferBatch_log_decodes_its_arrays()
    {
        var log = Ethers.Event([Ethers.Shares, Ethers.Erc1155], "TransferBatch",
            Alice.ToString(), Address.Zero.ToString(), Bob.ToString(), new JsonArray("1", "2"), new JsonArray("10", "20"));
        var e = TransferBatchEvent.Decode(log.Topics, log.Data);
        Assert.Equal(Alice, e.Operator);
        Assert.Equal(Address.Zero, e.From);
        Assert.Equal([1, 2], e.Ids);
        Assert.Equal([10, 20], e.Values);
    }

    [Fact]
    public void EpochPosted_and_RoleGranted_logs_decode_into_their_records()
    {
        var posted = Ethers.Event([Ethers.Distributor], "EpochPosted", "4", "2", Content.ToString(), "100", "7", Id.ToString(), "ipfs://report", "18446744073709551615");
        Assert.Equal(new EpochPostedEvent(4, 2, Content, 100, 7, Id, "ipfs://report", ulong.MaxValue), EpochPostedEvent.Decode(posted.Topics, posted.Data));

        var role = Keccak.Hash("REPORTER_ROLE");
        var granted = Ethers.Event([Ethers.Distributor, Ethers.AccessControl], "RoleGranted", role.ToString(), Alice.ToString(), Bob.ToString());
        Assert.Equal(new RoleGrantedEvent(role, Alice, Bob), RoleGrantedEvent.Decode(granted.Topics, granted.Data));
    }

    [Fact]
    public void A_log_of_another_event_is_rejected_naming_both_topics()
    {
        var approval = Ethers.Event([Ethers.Token], "Approval", Alice.ToString(), Bob.ToString(), "5");
        var ex = Assert.Throws<EthereumException>(() => TransferEvent.Decode(approval.Topics, approval.Data));
        Assert.Contains("not a Transfer event", ex.Message);
        Assert.Contains(TransferEvent.Topic0.ToString(), ex.Message);
        Assert.Contains(approval.Topics[0].ToString(), ex.Message);
    }

    [Fact]
    public void TryDecode_returns_false_for_another_event_and_the_record_for_its_own()
    {
        var approval = Ethers.Event([Ethers.Token], "Approval", Alice.ToString(), Bob.ToString(), "5");
        Assert.False(ContractEvent.TryDecode<TransferEvent>(approval.Topics, approval.Data, out _));
        Assert.True(ContractEvent.TryDecode<ApprovalEvent>(approval.Topics, approval.Data, out var decoded));
        Assert.Equal(new ApprovalEvent(Alice, Bob, 5), decoded);
    }

    [Fact]
    public void A_log_without_topics_is_rejected()
    {
        var ex = Assert.Throws<EthereumException>(() => TransferEvent.Decode([], []));
        Assert.Contains("has no topics", ex.Message);
    }

    [Fact]
    public void A_log_with_the_right_topic0_but_truncated_data_is_rejected()
    {
        var transfer = Ethers.Event([Ethers.Token], "Transfer", Alice.ToString(), Bob.ToString(), "5");
        var ex = Assert.Throws<EthereumException>(() => TransferEvent.Decode(transfer.Topics, transfer.Data.AsSpan(0, 31)));
        Assert.Contains("Transfer(address,address,uint256)", ex.Message);
        Assert.Throws<EthereumException>(() => ContractEvent.TryDecode<TransferEvent>(transfer.Topics, transfer.Data.AsSpan(0, 31), out _));
    }

    [Fact]
    public void A_log_with_a_missing_indexed_topic_is_rejected()
    {
        var transfer = Ethers.Event([Ethers.Token], "Transfer", Alice.ToString(), Bob.ToString(), "5");
        var ex = Assert.Throws<EthereumException>(() => TransferEvent.Decode([.. transfer.Topics.Take(2)], transfer.Data));
        Assert.Contains("must have 3 topics but has 2", ex.Message);
    }

    [Fact]
    public void The_contract_event_decoder_returns_the_typed_record_or_null_for_a_foreign_topic()
    {
        var log = Ethers.Event([Ethers.Token], "Transfer", Alice.ToString(), Bob.ToString(), "5");
        Assert.Equal(new TransferEvent(Alice, Bob, 5), OpenTokenAbi.Events.Decode(log.Topics, log.Data));
        Assert.Null(ContributionRegistryAbi.Events.Decode(log.Topics, log.Data));
        Assert.Null(OpenTokenAbi.Events.Decode([], []));
        Assert.Equal(OpenTokenAbi.Binding.Events.Select(e => e.Topic0.ToString()).Order(), OpenTokenAbi.Events.Topics.Select(t => t.ToString()).Order());
    }

    [Fact]
    public void Registering_one_event_twice_in_a_decoder_is_refused()
    {
        var ex = Assert.Throws<EthereumException>(() => new ContractEventDecoder().Add<TransferEvent>().Add<TransferEvent>());
        Assert.Contains("share topic0", ex.Message);
    }
}
