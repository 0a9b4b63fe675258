using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Tests;

public sealed class LogDecoderTests
{
    private static readonly Address Registry = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static readonly Address Shares = Address.Parse("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512");
    private static readonly Address Distributor = Address.Parse("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0");
    private static readonly LogDecoder Decoder = new(new DeploymentFile(31337, new(Registry, 1), new(Shares, 2), new(Distributor, 3)));
    private static readonly Hash32 Validator = new(AbiEncoder.Encode(AbiType.Parse("address"), Address.Parse("0x00000000000000000000000000000000000000aa")));
    private static readonly Hash32 ModelOne = new(AbiEncoder.Encode(AbiType.Parse("uint256"), 1));

    private static ChainLog Log(Address address, IReadOnlyList<Hash32> topics, byte[] data) =>
        new(address, topics, data, 7, Keccak.Hash("b7"), Keccak.Hash("tx"), 3);

    private static RangeBatch NewBatch() => new(7, new BlockHeader(7, Keccak.Hash("b7"), Keccak.Hash("b6")));

    [Fact]
    public void A_validator_update_becomes_a_row_with_lower_case_hex()
    {
        var batch = NewBatch();
        Decoder.Decode(Log(Registry, [ValidatorUpdatedEvent.Topic0, ModelOne, Validator], AbiEncoder.Encode(AbiType.Parse("bool"), true)), batch);
        var row = Assert.Single(batch.ValidatorUpdates);
        Assert.Equal((7L, 3, 1L, "0x00000000000000000000000000000000000000aa", true), (row.BlockNumber, row.LogIndex, row.ModelId, row.Validator, row.Allowed));
        Assert.Equal(1, batch.EventCount);
    }

    [Fact]
    public void A_supersession_becomes_a_row_naming_the_superseded_contributor_the_revealer_and_the_forfeited_bond()
    {
        var batch = NewBatch();
        var id = Keccak.Hash("id");
        var copier = Address.Parse("0x00000000000000000000000000000000000000cc");
        var revealer = Address.Parse("0x00000000000000000000000000000000000000dd");
        var data = AbiEncoder.Encode([AbiType.Parse("address"), AbiType.Parse("uint256")], [revealer, new System.Numerics.BigInteger(5_000_000_000)]);
        Decoder.Decode(Log(Registry, [ContributionSupersededEvent.Topic0, id, ModelOne, new Hash32(AbiEncoder.Encode(AbiType.Parse("address"), copier))], data), batch);
        var row = Assert.Single(batch.Supersessions);
        Assert.Equal(new Store.Rows.SupersessionRow(7, 3, Keccak.Hash("tx").ToString(), id.ToString(), 1, "0x00000000000000000000000000000000000000cc",
            "0x00000000000000000000000000000000000000dd", "5000000000"), row);
    }

    [Fact]
    public void An_evaluation_set_commitment_becomes_a_row_keyed_by_model_and_epoch()
    {
        var batch = NewBatch();
        var testSet = Keccak.Hash("test rows");
        var epochTwo = new Hash32(AbiEncoder.Encode(AbiType.Parse("uint256"), 2));
        Decoder.Decode(Log(Distributor, [EvaluationSetCommittedEvent.Topic0, ModelOne, epochTwo], testSet.ToArray()), batch);
        var row = Assert.Single(batch.EvaluationCommitments);
        // The block hash goes with it: a report's precision subsets are drawn from it.
        Assert.Equal(new EvaluationCommitmentRow(7, 3, Keccak.Hash("tx").ToString(), 1, 2, testSet.ToString(), Keccak.Hash("b7").ToString()), row);
        Assert.Equal(1, batch.EventCount);
    }

    [Fact]
    public void An_evaluation_set_commitment_for_an_epoch_beyond_64_bits_is_an_error_naming_the_value()
    {
        var huge = new Hash32(AbiEncoder.Encode(AbiType.Parse("uint256"), System.Numerics.BigInteger.Pow(2, 64)));
        var error = Assert.Throws<IndexerException>(() =>
            Decoder.Decode(Log(Distributor, [EvaluationSetCommittedEvent.Topic0, ModelOne, huge], Keccak.Hash("t").ToArray()), NewBatch()));
        Assert.Equal("epoch 18446744073709551616 does not fit a 64-bit column: expected 0 to 9223372036854775807", error.Message);
    }

    [Fact]
    public void Events_the_store_does_not_track_are_passed_over()
    {
        var batch = NewBatch();
        Decoder.Decode(Log(Registry, [Keccak.Hash("OwnershipTransferred(address,address)"), Validator, Validator], []), batch);
        Assert.Equal(0, batch.EventCount);
    }

    [Fact]
    public void A_tracked_event_that_does_not_decode_stops_with_its_position()
    {
        var error = Assert.Throws<IndexerException>(() =>
            Decoder.Decode(Log(Registry, [ValidatorUpdatedEvent.Topic0, ModelOne, Validator], new byte[31]), NewBatch()));
        Assert.StartsWith($"Log 3 of block 7 (tx {Keccak.Hash("tx")}) from {Registry} does not decode:", error.Message);
    }

    [Fact]
    public void A_log_from_another_contract_is_an_error()
    {
        var stranger = Address.Parse("0x00000000000000000000000000000000000000bb");
        var error = Assert.Throws<IndexerException>(() => Decoder.Decode(Log(stranger, [ValidatorUpdatedEvent.Topic0], []), NewBatch()));
        Assert.Contains("not one of our contracts", error.Message);
    }
}
