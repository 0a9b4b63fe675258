using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.TypedData;

/// <summary>The EIP-712 hashing rules: encodeType, typeHash, encodeData, hashStruct and the final digest.</summary>
public static class TypedDataEncoder
{
    private const string DomainType = "EIP712Domain";

    /// <summary>keccak256(0x19 0x01 || domainSeparator || hashStruct(message)): what gets signed.</summary>
    public static Hash32 Hash(TypedDataRequest data)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        DomainSeparator(data).AsSpan().CopyTo(buffer[2..]);
        if (data.PrimaryType != DomainType)
            HashStruct(data.PrimaryType, data.Message, data.Types).AsSpan().CopyTo(buffer[34..]);
        // EIP-712: when the primary type is the domain itself, the message hash is omitted.
        return Keccak.Hash(data.PrimaryType == DomainType ? buffer[..34] : buffer);
    }

    /// <summary>
    /// hashStruct(EIP712Domain, domain). The domain type comes from the types when they declare it (JSON
    /// requests do), otherwise from the domain fields that are set.
    /// </summary>
    public static Hash32 DomainSeparator(TypedDataRequest data)
    {
        var types = data.Types;
        if (!types.ContainsKey(DomainType))
        {
            var withDomain = new Dictionary<string, IReadOnlyList<TypedDataField>>(types) { [DomainType] = data.Domain.Fields() };
            types = withDomain;
        }
        return HashStruct(DomainType, data.Domain.ToMessage(), types);
    }

    /// <summary>
    /// "Name(type1 name1,...)" followed by every struct type it references, directly or not, sorted by name.
    /// </summary>
    public static string EncodeType(string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types)
    {
        var dependencies = new SortedSet<string>(StringComparer.Ordinal);
        CollectDependencies(primaryType, types, dependencies);
        dependencies.Remove(primaryType);
        var builder = new System.Text.StringBuilder();
        foreach (var name in new[] { primaryType }.Concat(dependencies))
            builder.Append(name).Append('(').AppendJoin(',', Fields(name, types).Select(f => f.ToString())).Append(')');
        return builder.ToString();
    }

    public static Hash32 TypeHash(string primaryType, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        Keccak.Hash(EncodeType(primaryType, types));

    /// <summary>keccak256(typeHash || encodeData(value)).</summary>
    public static Hash32 HashStruct(string type, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        HashStruct(type, value, types, type);

    private static Hash32 HashStruct(string type, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, string path)
    {
        var fields = Fields(type, types);
        var encoded = new byte[32 * (1 + fields.Count)];
        TypeHash(type, types).AsSpan().CopyTo(encoded);
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var fieldPath = $"{path}.{field.Name}";
            EncodeValue(field.Type, Eip712Values.Member(value, field.Name, fieldPath), types, encoded.AsSpan(32 * (i + 1), 32), fieldPath);
        }
        return Keccak.Hash(encoded);
    }

    private static void EncodeValue(string type, object? value, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types,
        Span<byte> word, string path)
    {
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var elementType = type[..open];
            var lengthText = type[(open + 1)..^1];
            var elements = Eip712Values.ToList(value, path);
            if (lengthText.Length > 0)
            {
                if (!int.TryParse(lengthText, out var fixedLength) || fixedLength <= 0)
                    throw new EthereumException($"{path}: invalid array type '{type}'");
                if (elements.Count != fixedLength)
                    throw new EthereumException($"{path}: {type} must have {fixedLength} elements but has {elements.Count}");
            }
            var concatenated = new byte[32 * elements.Count];
            for (var i = 0; i < elements.Count; i++)
                EncodeValue(elementType, elements[i], types, concatenated.AsSpan(32 * i, 32), $"{path}[{i}]");
            Keccak.Hash(concatenated, word);
        }
        else if (types.ContainsKey(type))
            HashStruct(type, value, types, path).AsSpan().CopyTo(word);
        else if (type == "string")
            Keccak.Hash(Eip712Values.Utf8(Eip712Values.ToText(value, path)), word);
        else if (type == "bytes")
            Keccak.Hash(Eip712Values.ToBytes(value, path), word);
        else
            Eip712Values.WriteAtomic(type, value, word, path);
    }

    private static void CollectDependencies(string type, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types, SortedSet<string> found)
    {
        if (!types.ContainsKey(type) || !found.Add(type)) return;
        foreach (var field in types[type])
        {
            var baseType = field.Type;
            var bracket = baseType.IndexOf('[');
            if (bracket >= 0) baseType = baseType[..bracket];
            CollectDependencies(baseType, types, found);
        }
    }

    private static IReadOnlyList<TypedDataField> Fields(string type, IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> types) =>
        types.TryGetValue(type, out var fields) ? fields
            : throw new EthereumException($"EIP-712 type '{type}' is referenced but not defined in the types");
}
