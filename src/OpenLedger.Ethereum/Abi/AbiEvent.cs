using System.Text;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// An event descriptor: topic0 = keccak(signature) and log decoding. Indexed value types (uintN, intN, address,
/// bool, bytesN) are decoded from their topic; indexed string, bytes, arrays and tuples come back as the Hash32
/// the topic holds, because the log only carries their hash.
/// </summary>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;
    private readonly int[] _dataPositions;
    private readonly int[] _indexedPositions;

    public AbiEvent(string name, IReadOnlyList<AbiParameter> parameters, bool anonymous = false)
    {
        Name = name;
        Parameters = parameters;
        Anonymous = anonymous;
        Signature = $"{name}({string.Join(',', parameters.Select(p => p.Type.CanonicalName))})";
        Topic0 = Keccak.Hash(Signature);
        _indexedPositions = [.. Enumerable.Range(0, parameters.Count).Where(i => parameters[i].Indexed)];
        _dataPositions = [.. Enumerable.Range(0, parameters.Count).Where(i => !parameters[i].Indexed)];
        _dataTypes = [.. _dataPositions.Select(i => parameters[i].Type)];
        var maxIndexed = anonymous ? 4 : 3;
        if (_indexedPositions.Length > maxIndexed)
            throw new EthereumException($"Event {Signature} has {_indexedPositions.Length} indexed parameters but at most {maxIndexed} are allowed");
    }

    /// <summary>Parses <c>event Name(type indexed name, ...) [anonymous]</c>; the <c>event</c> keyword is optional.</summary>
    public static AbiEvent Parse(string signature)
    {
        var parsed = AbiSignatureParser.Parse(signature, "event");
        if (parsed.Outputs.Length > 0) throw new EthereumException($"'{signature}' is not a valid event signature: events do not return");
        return new AbiEvent(parsed.Name, parsed.Inputs, parsed.Anonymous);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Parameters { get; }

    public bool Anonymous { get; }

    public string Signature { get; }

    /// <summary>keccak(signature): the first topic of every log of this event, unless it is anonymous.</summary>
    public Hash32 Topic0 { get; }

    /// <summary>The number of topics a log of this event has.</summary>
    public int TopicCount => _indexedPositions.Length + (Anonymous ? 0 : 1);

    public DecodedEvent DecodeLog(IReadOnlyList<Hash32> topics, ReadOnlySpan<byte> data)
    {
        if (topics.Count != TopicCount)
            throw new EthereumException($"A log of {Signature} must have {TopicCount} topics but has {topics.Count}");
        var first = 0;
        if (!Anonymous)
        {
            if (topics[0] != Topic0)
                throw new EthereumException($"A log of {Signature} must have topic0 {Topic0} but has {topics[0]}");
            first = 1;
        }
        var values = new object?[Parameters.Count];
        for (var i = 0; i < _indexedPositions.Length; i++)
        {
            var position = _indexedPositions[i];
            var topic = topics[first + i];
            try { values[position] = DecodeTopic(Parameters[position].Type, topic); }
            catch (EthereumException e) { throw new EthereumException($"{Signature} topic {first + i} ({Parameters[position]}): {e.Message}", e); }
        }
        try { AbiDecoder.DecodeInto(_dataTypes, data, values, _dataPositions); }
        catch (EthereumException e) { throw new EthereumException($"{Signature} data: {e.Message}", e); }
        return new DecodedEvent(this, values);
    }

    /// <summary>True when the topic stores the value itself rather than its hash.</summary>
    public static bool IsTopicValue(AbiType type) =>
        type.Kind is AbiTypeKind.UInt or AbiTypeKind.Int or AbiTypeKind.Address or AbiTypeKind.Bool or AbiTypeKind.FixedBytes;

    private static object? DecodeTopic(AbiType type, Hash32 topic) =>
        IsTopicValue(type) ? AbiDecoder.ReadSlot(type, topic.AsSpan(), 0, 0) : topic;

    /// <summary>
    /// The topic a filter must match for an indexed parameter of <paramref name="type"/> equal to <paramref name="value"/>.
    /// Arrays and tuples are not supported: their in-place hashing rule is not implemented here.
    /// </summary>
    public static Hash32 EncodeTopic(AbiType type, object? value)
    {
        if (IsTopicValue(type)) return new Hash32(AbiEncoder.Encode(type, value));
        return type.Kind switch
        {
            AbiTypeKind.String => Keccak.Hash(Encoding.UTF8.GetBytes(AbiValues.ToText(type, value))),
            AbiTypeKind.Bytes => Keccak.Hash(AbiValues.ToBytes(type, value)),
            _ => throw new EthereumException($"Topic encoding of indexed {type} is not supported: only value types, string and bytes"),
        };
    }

    public override string ToString() => Signature;
}
