using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Decoding;

/// <summary>
/// Reads the two contribution events straight from the log's bytes into rows: they are nearly all of a backfill, and
/// the generic path (values boxed into object arrays, then records) cost more than the fetch. The
/// checks are those of the strict ABI decoder (offsets and lengths inside the data, canonical words, zero padding,
/// a defined Kind; a URI that is not UTF-8 decodes with U+FFFD, as the chain accepted it); a differential test holds
/// the two paths to the same rows and the same rejections.
/// </summary>
internal static class ContributionLogReader
{
    // Lenient like AbiDecoder: the registry accepts any bytes as a URI, and the indexer must not halt on one.
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary><c>ContributionRegistered(bytes32 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, uint256 bond, string uri)</c></summary>
    public static void ReadSingle(ChainLog log, RangeBatch batch)
    {
        if (log.Topics.Count != 4) throw new EthereumException($"ContributionRegistered must have 4 topics but has {log.Topics.Count}");
        var modelId = ModelId(log.Topics[2]);
        var contributor = AddressTopic(log.Topics[3]);
        ReadOnlySpan<byte> data = log.Data;
        if (data.Length < 128) throw new EthereumException($"ContributionRegistered data ends at byte {data.Length} but its head needs 128 bytes");
        var (kind, bond, uri) = ReadEntryTail(data, 0);
        batch.Contributions.Add(new ContributionRow(log.BlockNumber, log.LogIndex, 0, log.TransactionHash, log.Topics[1],
            modelId, contributor, new Hash32(data[..32]), kind, uri, bond));
    }

    /// <summary><c>ContributionsRegistered(uint256 indexed modelId, address indexed contributor, (bytes32 contentHash, uint8 kind, uint256 bond, string uri)[] entries)</c>; each id is keccak256(abi.encode(modelId, contentHash)).</summary>
    public static void ReadBatch(ChainLog log, RangeBatch batch)
    {
        if (log.Topics.Count != 3) throw new EthereumException($"ContributionsRegistered must have 3 topics but has {log.Topics.Count}");
        var modelTopic = log.Topics[1].AsSpan();
        var modelId = ModelId(log.Topics[1]);
        var contributor = AddressTopic(log.Topics[2]);
        ReadOnlySpan<byte> data = log.Data;
        if (data.Length < 32) throw new EthereumException($"ContributionsRegistered data ends at byte {data.Length} but its head needs 32 bytes");
        var arrayAt = Offset(data, 0, "offset of the entries");
        var count = Length(data[arrayAt..], "length of the entries", arrayAt);
        // Each entry takes at least its 32-byte offset word: checked before anything is allocated.
        var elements = data[(arrayAt + 32)..];
        if ((long)count * 32 > elements.Length)
            throw new EthereumException($"entries at byte {arrayAt} have length {count} but only {elements.Length} bytes follow");
        Span<byte> id = stackalloc byte[32];
        batch.Contributions.EnsureCapacity(batch.Contributions.Count + count);
        for (var i = 0; i < count; i++)
        {
            var at = Offset(elements, 32 * i, $"offset of entry {i}");
            var entry = elements[at..];
            if (entry.Length < 128) throw new EthereumException($"entry {i} at byte {arrayAt + 32 + at} needs 128 bytes but {entry.Length} follow");
            var (kind, bond, uri) = ReadEntryTail(entry, arrayAt + 32 + at);
            ContributionIds.Of(modelTopic, entry[..32], id);
            batch.Contributions.Add(new ContributionRow(log.BlockNumber, log.LogIndex, i, log.TransactionHash, new Hash32(id), modelId, contributor,
                new Hash32(entry[..32]), kind, uri, bond));
        }
    }

    // The (kind, bond, uri) after an entry's content hash; 'tuple' starts at the content hash, and the uri's offset is
    // relative to it. 'position' is where the tuple sits in the log data, for messages.
    private static (int Kind, string Bond, string Uri) ReadEntryTail(ReadOnlySpan<byte> tuple, int position)
    {
        var kindWord = tuple[32..64];
        if (kindWord[..31].ContainsAnyExcept((byte)0))
            throw new EthereumException($"kind at byte {position + 32} has non-zero bits above bit 8: {Hex.Encode(kindWord)}");
        if (!Enum.IsDefined((Kind)kindWord[31]))
            throw new EthereumException($"Kind value {kindWord[31]} at byte {position + 32} is not a member: expected 0 to {Enum.GetValues<Kind>().Length - 1}");
        var bond = Uint256Text(tuple[64..96]);
        var uriAt = Offset(tuple, 96, $"offset of uri at byte {position + 96}");
        var uri = Utf8String(tuple[uriAt..], position + uriAt);
        return (kindWord[31], bond, uri);
    }

    // An offset word at 'head' that must point at a whole word inside 'data' (the strict decoder's rule).
    private static int Offset(ReadOnlySpan<byte> data, int head, string what)
    {
        if (head + 32 > data.Length) throw new EthereumException($"{what}: data ends at byte {data.Length} but the word needs bytes {head} to {head + 32}");
        var offset = Length(data[head..], what, head);
        if (offset > data.Length - 32) throw new EthereumException($"{what} is {offset}, outside the {data.Length} bytes of its enclosing data");
        return offset;
    }

    private static int Length(ReadOnlySpan<byte> word, string what, int position)
    {
        if (word[..28].ContainsAnyExcept((byte)0) || (word[28] & 0x80) != 0)
            throw new EthereumException($"{what} at byte {position} is too large: {Hex.Encode(word[..32])}");
        return BinaryPrimitives.ReadInt32BigEndian(word[28..32]);
    }

    private static string Utf8String(ReadOnlySpan<byte> data, int position)
    {
        var length = Length(data, "length of uri", position);
        var padded = ((long)length + 31) / 32 * 32;
        if (padded > data.Length - 32) throw new EthereumException($"uri at byte {position} has length {length} but only {data.Length - 32} bytes follow");
        if (data.Slice(32 + length, (int)padded - length).ContainsAnyExcept((byte)0))
            throw new EthereumException($"uri at byte {position} has non-zero padding after its {length} bytes");
        var content = data.Slice(32, length);
        return LenientUtf8.GetString(content);
    }

    private static string Uint256Text(ReadOnlySpan<byte> word) =>
        word[..24].ContainsAnyExcept((byte)0)
            ? new BigInteger(word, isUnsigned: true, isBigEndian: true).ToString()
            : BinaryPrimitives.ReadUInt64BigEndian(word[24..]).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static long ModelId(Hash32 topic)
    {
        var word = topic.AsSpan();
        if (word[..24].ContainsAnyExcept((byte)0) || (word[24] & 0x80) != 0)
            throw new IndexerException($"modelId {new BigInteger(word, isUnsigned: true, isBigEndian: true)} does not fit a 64-bit column: expected 0 to {long.MaxValue}");
        return BinaryPrimitives.ReadInt64BigEndian(word[24..]);
    }

    private static Address AddressTopic(Hash32 topic)
    {
        var word = topic.AsSpan();
        if (word[..12].ContainsAnyExcept((byte)0))
            throw new EthereumException($"contributor topic has non-zero bytes above its 20 bytes: {Hex.Encode(word)}");
        return new Address(word[12..]);
    }
}
