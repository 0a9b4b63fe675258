using System.Numerics;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// The indexer reads the contribution events in place; the generated bindings decode them through the strict generic
/// ABI decoder. Both must give the same rows for every log, and reject the same corrupted logs.
/// </summary>
public sealed class ContributionDecodingTests
{
    private static readonly Address Registry = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static readonly LogDecoder Decoder = new(new DeploymentFile(31337,
        new(Registry, 1), new(Address.Parse("0xe7f1725e7734ce288f8367e1bb143e90bb3f0512"), 2), new(Address.Parse("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0"), 3)));
    private static readonly AbiType[] SingleData = [AbiType.Parse("bytes32"), AbiType.Parse("uint8"), AbiType.Parse("uint256"), AbiType.Parse("string")];
    private static readonly AbiType BatchData = AbiType.Parse("(bytes32,uint8,uint256,string)[]");
    private static readonly string[] Uris = ["", "ipfs://openledger/bulk/1/17", "ar://données/模型/😀", new string('u', 95), "x"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Single_registrations_read_in_place_equal_the_generic_decoding_and_corruptions_are_rejected_alike(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 200; n++)
        {
            var (hash, kind, bond, uri) = RandomEntry(random);
            var model = RandomModel(random);
            var id = random.Next(2) == 0 ? ContributionId(model, hash) : Bytes(random, 32);
            var topics = new[] { ContributionRegisteredEvent.Topic0, new Hash32(id), Word("uint256", model), Word("address", RandomAddress(random)) };
            var data = AbiEncoder.Encode(SingleData, [hash, kind, bond, uri]);
            AssertSameOutcome(topics, data);
            for (var m = 0; m < 10; m++) AssertSameOutcome(topics, Corrupt(data, random));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Batch_registrations_read_in_place_equal_the_generic_decoding_and_corruptions_are_rejected_alike(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 200; n++)
        {
            var entries = Enumerable.Range(0, random.Next(0, 6)).Select(_ =>
            {
                var (hash, kind, bond, uri) = RandomEntry(random);
                return (object?)new object?[] { hash, kind, bond, uri };
            }).ToArray();
            var topics = new[] { ContributionsRegisteredEvent.Topic0, Word("uint256", RandomModel(random)), Word("address", RandomAddress(random)) };
            var data = AbiEncoder.Encode(BatchData, entries);
            AssertSameOutcome(topics, data);
            for (var m = 0; m < 10; m++) AssertSameOutcome(topics, Corrupt(data, random));
        }
    }

    [Fact]
    public void A_kind_outside_the_enum_is_rejected_with_its_value()
    {
        var data = AbiEncoder.Encode(SingleData, [new byte[32], 4, BigInteger.Zero, "u"]);
        var topics = new[] { ContributionRegisteredEvent.Topic0, new Hash32(new byte[32]), Word("uint256", 1), Word("address", new byte[20]) };
        var error = Assert.Throws<IndexerException>(() => Decoder.Decode(Log(topics, data), NewBatch()));
        Assert.Contains("Kind value 4", error.Message);
    }

    [Fact]
    public void A_batch_whose_length_exceeds_its_data_is_rejected_before_allocating()
    {
        var data = AbiEncoder.Encode(BatchData, Array.Empty<object?>());
        data[63] = 0xFF; data[62] = 0xFF; data[61] = 0xFF; // length 16,777,215 with nothing after it
        var topics = new[] { ContributionsRegisteredEvent.Topic0, Word("uint256", 1), Word("address", new byte[20]) };
        var error = Assert.Throws<IndexerException>(() => Decoder.Decode(Log(topics, data), NewBatch()));
        Assert.Contains("have length 16777215 but only 0 bytes follow", error.Message);
    }

    [Fact]
    public void A_uri_that_is_not_utf8_is_indexed_with_replacement_characters_instead_of_halting_the_indexer()
    {
        // Anyone can register such a URI (Solidity does not check UTF-8): `bytes` encodes exactly like `string`.
        var hash = Keccak.Hash("content").ToArray();
        var topics = new[] { ContributionRegisteredEvent.Topic0, new Hash32(ContributionId(5, hash)), Word("uint256", (BigInteger)5), Word("address", RandomAddress(new Random(1))) };
        var data = AbiEncoder.Encode([.. SingleData[..3], AbiType.Bytes], [hash, 0, (BigInteger)1_000_000_000, new byte[] { 0x61, 0xff, 0x62 }]);
        var batch = NewBatch();
        Decoder.Decode(Log(topics, data), batch);
        Assert.Equal("a\uFFFDb", Assert.Single(batch.Contributions).Uri);
        AssertSameOutcome(topics, data);
    }

    private static void AssertSameOutcome(Hash32[] topics, byte[] data)
    {
        var expected = Reference(topics, data);
        var batch = NewBatch();
        List<ContributionRow>? actual;
        try { Decoder.Decode(Log(topics, data), batch); actual = batch.Contributions; }
        catch (IndexerException) { actual = null; }
        if (expected is null) Assert.True(actual is null, $"the generic decoder rejects {Hex.Encode(data)} but the in-place reader accepted it");
        else
        {
            Assert.True(actual is not null, $"the generic decoder accepts {Hex.Encode(data)} but the in-place reader rejected it");
            Assert.Equal(expected, actual);
        }
    }

    // The rows the generic bindings give, or null when they reject the log.
    private static List<ContributionRow>? Reference(Hash32[] topics, byte[] data)
    {
        try
        {
            if (topics[0] == ContributionRegisteredEvent.Topic0)
            {
                var e = ContributionRegisteredEvent.Decode(topics, data);
                if (e.ModelId > long.MaxValue) return null;
                return [new ContributionRow(7, 3, 0, Tx, e.Id, (long)e.ModelId, e.Contributor, e.ContentHash, (int)e.Kind, e.Uri, e.Bond.ToString())];
            }
            var b = ContributionsRegisteredEvent.Decode(topics, data);
            if (b.ModelId > long.MaxValue) return null;
            return [.. b.Entries.Select((entry, i) => new ContributionRow(7, 3, i, Tx,
                new Hash32(ContributionId(b.ModelId, entry.ContentHash.ToArray())), (long)b.ModelId, b.Contributor,
                entry.ContentHash, (int)entry.Kind, entry.Uri, entry.Bond.ToString()))];
        }
        catch (EthereumException) { return null; }
    }

    // One of: a byte flipped, a word replaced by a small number (offsets and lengths pointing elsewhere), a word of
    // ones, the data cut short, or zeros appended (trailing bytes are allowed by both).
    private static byte[] Corrupt(byte[] data, Random random)
    {
        var copy = (byte[])data.Clone();
        if (copy.Length == 0) return copy;
        var word = random.Next(copy.Length / 32) * 32;
        switch (random.Next(5))
        {
            case 0: copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8)); return copy;
            case 1:
                Array.Clear(copy, word, 32);
                copy[word + 31] = (byte)random.Next(0, copy.Length + 64);
                copy[word + 30] = (byte)(random.Next(4) == 0 ? random.Next(2) : 0);
                return copy;
            case 2: Array.Fill(copy, (byte)0xFF, word, 32); return copy;
            case 3: return copy[..random.Next(copy.Length)];
            default: return [.. copy, .. new byte[32 * random.Next(1, 3)]];
        }
    }

    private static (byte[] Hash, int Kind, BigInteger Bond, string Uri) RandomEntry(Random random)
    {
        BigInteger bond = random.Next(4) switch
        {
            0 => 0,
            1 => random.NextInt64(),
            2 => BigInteger.Pow(2, 64) + random.NextInt64(),
            _ => BigInteger.Pow(2, 256) - 1 - random.Next(1000),
        };
        return (Bytes(random, 32), random.Next(4), bond, Uris[random.Next(Uris.Length)]);
    }

    private static BigInteger RandomModel(Random random) =>
        random.Next(10) == 0 ? (BigInteger)long.MaxValue + random.Next(2) : random.Next(1, 1000);

    private static byte[] RandomAddress(Random random) => Bytes(random, 20);

    private static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] ContributionId(BigInteger model, byte[] contentHash) =>
        Keccak.Hash(AbiEncoder.Encode([AbiType.Parse("uint256"), AbiType.Parse("bytes32")], [model, contentHash])).ToArray();

    private static Hash32 Word(string type, object value) =>
        new(AbiEncoder.Encode(AbiType.Parse(type), type == "address" ? new Address((byte[])value) : value));

    private static readonly Hash32 Tx = Keccak.Hash("tx");

    private static ChainLog Log(IReadOnlyList<Hash32> topics, byte[] data) => new(Registry, topics, data, 7, Keccak.Hash("b7"), Tx, 3);

    private static RangeBatch NewBatch() => new(7, new BlockHeader(7, Keccak.Hash("b7"), Keccak.Hash("b6")));
}
