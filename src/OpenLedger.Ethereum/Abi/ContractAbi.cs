using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// A contract's JSON ABI (the <c>abi</c> array of a Hardhat artifact or solc output): its functions, events and
/// errors as descriptors, looked up by name, signature, selector or topic0.
/// </summary>
public sealed class ContractAbi
{
    private readonly Dictionary<Hash32, AbiEvent> _eventsByTopic = new();
    private RevertDecoder? _revertDecoder;

    private ContractAbi(List<AbiFunction> functions, List<AbiEvent> events, List<AbiError> errors)
    {
        Functions = functions;
        Events = events;
        Errors = errors;
        foreach (var e in events.Where(e => !e.Anonymous)) _eventsByTopic[e.Topic0] = e;
    }

    public IReadOnlyList<AbiFunction> Functions { get; }

    public IReadOnlyList<AbiEvent> Events { get; }

    public IReadOnlyList<AbiError> Errors { get; }

    /// <summary>Decodes revert data with this contract's custom errors plus Error(string) and Panic(uint256).</summary>
    public RevertDecoder RevertDecoder => _revertDecoder ??= new RevertDecoder(Errors);

    public static ContractAbi Parse(string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new EthereumException($"A contract ABI must be JSON: {e.Message}", e); }
        using (document) return Parse(document.RootElement);
    }

    public static ContractAbi Parse(JsonElement abi)
    {
        if (abi.ValueKind != JsonValueKind.Array) throw new EthereumException($"A contract ABI must be a JSON array but is {abi.ValueKind}");
        List<AbiFunction> functions = [];
        List<AbiEvent> events = [];
        List<AbiError> errors = [];
        var index = 0;
        foreach (var entry in abi.EnumerateArray())
        {
            try
            {
                var kind = entry.TryGetProperty("type", out var t) ? t.GetString() : "function";
                switch (kind)
                {
                    case "function":
                        functions.Add(new AbiFunction(Name(entry), Parameters(entry, "inputs"), Parameters(entry, "outputs")));
                        break;
                    case "event":
                        var anonymous = entry.TryGetProperty("anonymous", out var a) && a.ValueKind == JsonValueKind.True;
                        events.Add(new AbiEvent(Name(entry), Parameters(entry, "inputs"), anonymous));
                        break;
                    case "error":
                        errors.Add(new AbiError(Name(entry), Parameters(entry, "inputs")));
                        break;
                    case "constructor" or "fallback" or "receive":
                        break;
                    default:
                        throw new EthereumException($"unknown entry type '{kind}'");
                }
            }
            catch (Exception e) when (e is EthereumException or InvalidOperationException or KeyNotFoundException)
            {
                throw new EthereumException($"ABI entry {index}: {e.Message}", e);
            }
            index++;
        }
        return new ContractAbi(functions, events, errors);
    }

    /// <summary>The function with this name (when not overloaded) or this exact signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public AbiFunction Function(string nameOrSignature) => Single(Functions, f => f.Name, f => f.Signature, nameOrSignature, "function");

    public AbiEvent Event(string nameOrSignature) => Single(Events, e => e.Name, e => e.Signature, nameOrSignature, "event");

    public AbiError Error(string nameOrSignature) => Single(Errors, e => e.Name, e => e.Signature, nameOrSignature, "error");

    /// <summary>The non-anonymous event whose topic0 this is, or null.</summary>
    public AbiEvent? FindEvent(Hash32 topic0) => _eventsByTopic.GetValueOrDefault(topic0);

    public AbiFunction? FindFunction(AbiSelector selector) => Functions.FirstOrDefault(f => f.Selector == selector);

    private static T Single<T>(IReadOnlyList<T> items, Func<T, string> name, Func<T, string> signature, string key, string what)
    {
        var bySignature = items.Where(i => signature(i) == key).ToList();
        if (bySignature.Count == 1) return bySignature[0];
        var byName = items.Where(i => name(i) == key).ToList();
        return byName.Count switch
        {
            1 => byName[0],
            0 => throw new EthereumException($"The ABI has no {what} '{key}'"),
            _ => throw new EthereumException($"The ABI has {byName.Count} overloads of {what} '{key}': use one of {string.Join(", ", byName.Select(signature))}"),
        };
    }

    private static string Name(JsonElement entry) =>
        entry.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : throw new EthereumException("entry has no name");

    private static AbiParameter[] Parameters(JsonElement entry, string field)
    {
        if (!entry.TryGetProperty(field, out var list) || list.ValueKind == JsonValueKind.Null) return [];
        if (list.ValueKind != JsonValueKind.Array) throw new EthereumException($"'{field}' must be an array but is {list.ValueKind}");
        return [.. list.EnumerateArray().Select(Parameter)];
    }

    private static AbiParameter Parameter(JsonElement p)
    {
        var name = p.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
        var indexed = p.TryGetProperty("indexed", out var i) && i.ValueKind == JsonValueKind.True;
        return new AbiParameter(name, Type(p), indexed);
    }

    // "tuple", "tuple[]", "tuple[2][]" take their shape from "components"; the rest are canonical type strings.
    private static AbiType Type(JsonElement p)
    {
        var type = p.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new EthereumException("parameter has no type");
        if (!type.StartsWith("tuple", StringComparison.Ordinal)) return AbiType.Parse(type);
        var tuple = AbiType.Tuple([.. Parameters(p, "components").Select(c => c.Type)]);
        return AbiType.Parse(tuple.CanonicalName + type["tuple".Length..]);
    }
}
