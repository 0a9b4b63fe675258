using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.TypedData;

/// <summary>
/// Random EIP-712 requests as eth_signTypedData_v4 JSON (without EIP712Domain in the types): up to five
/// struct types referencing each other without cycles, every one reachable from the primary type, fields of
/// every atomic size, string, bytes, nested structs, and fixed or dynamic (also nested) arrays of all of them.
/// </summary>
internal sealed class RandomTypedData(Random random)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private Dictionary<string, List<(string Name, string Type)>> _types = [];

    public JsonObject Next()
    {
        var count = random.Next(1, 6);
        var names = new List<string>();
        while (names.Count < count)
        {
            var name = char.ToUpperInvariant(Letters[random.Next(26)]) + Word(random.Next(1, 6));
            if (!names.Contains(name)) names.Add(name);
        }
        _types = names.ToDictionary(n => n, _ => new List<(string, string)>());
        for (var i = 0; i < count; i++)
        {
            var fieldCount = random.Next(1, 6);
            for (var f = 0; f < fieldCount; f++) AddField(names[i], FieldType(names, i));
        }
        // Every type must be reachable from the primary one, or ethers sees several roots.
        for (var j = 1; j < count; j++)
            if (!Enumerable.Range(0, j).Any(i => _types[names[i]].Any(f => BaseType(f.Type) == names[j])))
                AddField(names[random.Next(j)], random.Next(3) == 0 ? names[j] + "[]" : names[j]);

        var types = new JsonObject();
        foreach (var (name, fields) in _types)
            types[name] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type }).ToArray());
        return new JsonObject
        {
            ["types"] = types, ["primaryType"] = names[0], ["domain"] = Domain(), ["message"] = Value(names[0], 0),
        };
    }

    private void AddField(string type, string fieldType)
    {
        string name;
        do name = Word(random.Next(1, 8));
        while (_types[type].Any(f => f.Name == name));
        _types[type].Add((name, fieldType));
    }

    private string FieldType(List<string> names, int index)
    {
        var roll = random.Next(10);
        var type = roll switch
        {
            < 5 => Atomic(),
            5 => "string",
            6 => "bytes",
            _ when index + 1 < names.Count => names[random.Next(index + 1, names.Count)],
            _ => Atomic(),
        };
        var arrays = random.Next(10) switch { < 6 => 0, < 9 => 1, _ => 2 };
        for (var a = 0; a < arrays; a++) type += random.Next(2) == 0 ? "[]" : $"[{random.Next(1, 4)}]";
        return type;
    }

    private string Atomic() => random.Next(5) switch
    {
        0 => $"uint{8 * random.Next(1, 33)}",
        1 => $"int{8 * random.Next(1, 33)}",
        2 => $"bytes{random.Next(1, 33)}",
        3 => "address",
        _ => "bool",
    };

    private static string BaseType(string type) => type.Contains('[') ? type[..type.IndexOf('[')] : type;

    private JsonNode? Value(string type, int depth)
    {
        if (type.EndsWith(']'))
        {
            var open = type.LastIndexOf('[');
            var lengthText = type[(open + 1)..^1];
            var length = lengthText.Length > 0 ? int.Parse(lengthText) : random.Next(0, 4);
            return new JsonArray(Enumerable.Range(0, length).Select(_ => Value(type[..open], depth + 1)).ToArray());
        }
        if (_types.TryGetValue(type, out var fields))
        {
            var obj = new JsonObject();
            foreach (var (name, fieldType) in fields) obj[name] = Value(fieldType, depth + 1);
            return obj;
        }
        switch (type)
        {
            case "string": return Text();
            case "bytes": return Hex.Encode(Bytes(random.Next(0, 70)));
            case "bool": return random.Next(2) == 0;
            case "address": return Hex.Encode(Bytes(20));
        }
        if (type.StartsWith("bytes")) return Hex.Encode(Bytes(int.Parse(type[5..])));
        var signed = type[0] == 'i';
        var bits = int.Parse(type[(signed ? 3 : 4)..]);
        var value = Integer(bits, signed);
        // Small values sometimes travel as JSON numbers, as wallets send them.
        return BigInteger.Abs(value) < int.MaxValue && random.Next(2) == 0 ? JsonValue.Create((long)value) : JsonValue.Create(value.ToString());
    }

    private BigInteger Integer(int bits, bool signed)
    {
        var max = BigInteger.One << (signed ? bits - 1 : bits);
        var value = random.Next(6) switch
        {
            0 => max - 1,
            1 => BigInteger.Zero,
            2 => new BigInteger(random.Next(0, 1000)) % max,
            _ => new BigInteger(Bytes(bits / 8), isUnsigned: true) % max,
        };
        return signed && random.Next(2) == 0 ? -value - (random.Next(4) == 0 ? 1 : 0) : value;
    }

    private JsonObject Domain()
    {
        var domain = new JsonObject();
        while (domain.Count == 0)
        {
            if (random.Next(2) == 0) domain["name"] = Text();
            if (random.Next(2) == 0) domain["version"] = random.Next(1, 9).ToString();
            if (random.Next(2) == 0) domain["chainId"] = random.Next(3) == 0 ? JsonValue.Create(31337) : JsonValue.Create(Integer(64, false).ToString());
            if (random.Next(2) == 0) domain["verifyingContract"] = new Address(Bytes(20)).ToString();
            if (random.Next(2) == 0) domain["salt"] = Hex.Encode(Bytes(32));
        }
        return domain;
    }

    private string Text()
    {
        const string alphabet = "abc XYZ 0189 ,()[] é€漢";
        return new string(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    private string Word(int length) => new(Enumerable.Range(0, length).Select(_ => Letters[random.Next(Letters.Length)]).ToArray());

    private byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
