using System.Runtime.InteropServices;
using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// The common shape of a log read straight from the response's UTF-8 bytes: one pass over the object's properties,
/// hex decoded from the bytes without a string per field. A backfill reads hundreds of thousands of logs, and the
/// string-per-field path cost about as much CPU as the node spent serving them. Anything this path does not
/// recognise as plainly valid (escaped text, a null, a duplicate or missing field, a non-canonical quantity, bad hex)
/// makes it give up, and <see cref="RpcLog.Read"/> reads the log strictly instead, with its messages: so both
/// paths accept the same logs, read them the same way, and reject the same ones.
/// </summary>
internal static class RpcLogFastReader
{
    public static bool TryRead(JsonElement e, out RpcLog log)
    {
        log = null!;
        if (e.ValueKind != JsonValueKind.Object) return false;
        Address? address = null;
        Hash32[]? topics = null;
        byte[]? data = null;
        Hash32? blockHash = null, transactionHash = null;
        ulong? blockNumber = null;
        uint? transactionIndex = null, logIndex = null;
        bool? removed = null;
        Span<byte> a = stackalloc byte[Address.Length];
        foreach (var property in e.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            var value = property.Value;
            switch (name)
            {
                case var n when n.SequenceEqual("address"u8):
                    if (address is not null || !TryHex(value, a)) return false;
                    address = new Address(a);
                    break;
                case var n when n.SequenceEqual("topics"u8):
                    if (topics is not null || !TryTopics(value, out topics)) return false;
                    break;
                case var n when n.SequenceEqual("data"u8):
                    if (data is not null || !TryData(value, out data)) return false;
                    break;
                case var n when n.SequenceEqual("blockNumber"u8):
                    if (blockNumber is not null || !TryQuantity(value, out var bn)) return false;
                    blockNumber = bn;
                    break;
                case var n when n.SequenceEqual("blockHash"u8):
                    if (blockHash is not null || !TryHash(value, out var bh)) return false;
                    blockHash = bh;
                    break;
                case var n when n.SequenceEqual("transactionHash"u8):
                    if (transactionHash is not null || !TryHash(value, out var th)) return false;
                    transactionHash = th;
                    break;
                case var n when n.SequenceEqual("transactionIndex"u8):
                    if (transactionIndex is not null || !TryQuantity(value, out var ti) || ti > uint.MaxValue) return false;
                    transactionIndex = (uint)ti;
                    break;
                case var n when n.SequenceEqual("logIndex"u8):
                    if (logIndex is not null || !TryQuantity(value, out var li) || li > uint.MaxValue) return false;
                    logIndex = (uint)li;
                    break;
                case var n when n.SequenceEqual("removed"u8):
                    if (removed is not null || value.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return false;
                    removed = value.ValueKind == JsonValueKind.True;
                    break;
                default:
                    // Other fields (blockTimestamp, transactionLogIndex...) are not read, but an escaped name could be one that is.
                    if (name.IndexOf((byte)'\\') >= 0) return false;
                    break;
            }
        }
        if (address is null || topics is null || data is null || blockNumber is null || blockHash is null || transactionHash is null
            || transactionIndex is null || logIndex is null)
            return false;
        log = new RpcLog(address.Value, topics, data, blockNumber.Value, blockHash.Value, transactionHash.Value, transactionIndex.Value,
            logIndex.Value, removed ?? false);
        return true;
    }

    private static bool TryTopics(JsonElement value, out Hash32[]? topics)
    {
        topics = null;
        if (value.ValueKind != JsonValueKind.Array) return false;
        var count = value.GetArrayLength();
        if (count > 4) return false;
        var result = new Hash32[count];
        var i = 0;
        foreach (var t in value.EnumerateArray())
            if (!TryHash(t, out result[i++])) return false;
        topics = result;
        return true;
    }

    private static bool TryHash(JsonElement value, out Hash32 hash)
    {
        hash = default;
        Span<byte> bytes = stackalloc byte[Hash32.Length];
        if (!TryHex(value, bytes)) return false;
        hash = new Hash32(bytes);
        return true;
    }

    // "0x" and exactly 2 * destination.Length hex digits.
    private static bool TryHex(JsonElement value, Span<byte> destination) =>
        TryDigits(value, out var digits) && digits.Length == 2 * destination.Length
        && Convert.FromHexString(digits, destination, out _, out var written) == System.Buffers.OperationStatus.Done
        && written == destination.Length;

    private static bool TryData(JsonElement value, out byte[]? data)
    {
        data = null;
        if (!TryDigits(value, out var digits) || digits.Length % 2 != 0) return false;
        var result = new byte[digits.Length / 2];
        if (Convert.FromHexString(digits, result, out _, out var written) != System.Buffers.OperationStatus.Done || written != result.Length)
            return false;
        data = result;
        return true;
    }

    // 0x followed by 1 to 16 hex digits, the first non-zero unless it is the only one (the canonical quantity form).
    private static bool TryQuantity(JsonElement value, out ulong quantity)
    {
        quantity = 0;
        if (!TryDigits(value, out var digits) || digits.Length is 0 or > 16 || (digits[0] == '0' && digits.Length > 1)) return false;
        foreach (var c in digits)
        {
            var nibble = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (nibble < 0) return false;
            quantity = (quantity << 4) | (uint)nibble;
        }
        return true;
    }

    // The UTF-8 between the quotes after "0x", for an unescaped JSON string.
    private static bool TryDigits(JsonElement value, out ReadOnlySpan<byte> digits)
    {
        digits = default;
        if (value.ValueKind != JsonValueKind.String) return false;
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length < 4 || raw[0] != '"' || raw[^1] != '"' || raw[1] != '0' || raw[2] != 'x') return false;
        digits = raw[3..^1];
        return digits.IndexOf((byte)'\\') < 0;
    }
}
