using System.Text.Json;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.TypedData;

/// <summary>
/// An EIP-712 typed-data request: the domain, the struct types, the primary type and the message.
/// Message values may be CLR values (BigInteger, integers, string, bool, byte[], Address, Hash32, arrays,
/// dictionaries for nested structs) or System.Text.Json elements, as eth_signTypedData_v4 JSON carries them.
/// </summary>
/// <example>
/// <code>
/// var data = new TypedDataRequest
/// {
///     Domain = new() { Name = "OpenLedger", Version = "1", ChainId = 31337, VerifyingContract = registry },
///     Types = TypedDataRequest.ParseTypes("Register(address contributor,uint256 modelId,bytes32 contentHash,uint8 kind,string uri,uint256 bond,uint256 nonce,uint256 deadline)"),
///     PrimaryType = "Register",
///     Message = new Dictionary&lt;string, object?&gt; { ["contributor"] = me, ["modelId"] = 7, ... },
/// };
/// </code>
/// </example>
public sealed class TypedDataRequest
{
    public required TypedDataDomain Domain { get; init; }
    public required IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types { get; init; }
    public required string PrimaryType { get; init; }
    public required object? Message { get; init; }

    /// <summary>The digest to sign: keccak256(0x1901 || domainSeparator || hashStruct(message)).</summary>
    public Hash32 Hash() => TypedDataEncoder.Hash(this);

    /// <summary>
    /// Struct types from their Solidity-like signatures, e.g. "Mail(Person from,Person to,string contents)".
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> ParseTypes(params string[] structSignatures)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>();
        foreach (var signature in structSignatures)
        {
            var open = signature.IndexOf('(');
            if (open <= 0 || !signature.EndsWith(')'))
                throw new EthereumException($"A struct signature must look like 'Name(type name,...)' but is '{signature}'");
            var name = signature[..open];
            var body = signature[(open + 1)..^1];
            var fields = body.Length == 0 ? [] : body.Split(',').Select(member =>
            {
                var parts = member.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length == 2 ? new TypedDataField(parts[1], parts[0])
                    : throw new EthereumException($"A struct member must be 'type name' but is '{member}' in '{signature}'");
            }).ToArray();
            if (!types.TryAdd(name, fields)) throw new EthereumException($"Struct type '{name}' is defined twice");
        }
        return types;
    }

    /// <summary>Reads the JSON of an eth_signTypedData_v4 request: { types, primaryType, domain, message }.</summary>
    public static TypedDataRequest FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromJson(document.RootElement.Clone());
    }

    public static TypedDataRequest FromJson(JsonElement root)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>>();
        foreach (var type in Required(root, "types").EnumerateObject())
            types[type.Name] = type.Value.EnumerateArray()
                .Select(f => new TypedDataField(Required(f, "name").GetString()!, Required(f, "type").GetString()!)).ToArray();
        var domainJson = Required(root, "domain");
        var domain = new TypedDataDomain
        {
            Name = Optional(domainJson, "name")?.GetString(),
            Version = Optional(domainJson, "version")?.GetString(),
            ChainId = Optional(domainJson, "chainId") is { } chainId ? Eip712Values.ToInteger(chainId, "domain.chainId") : null,
            VerifyingContract = Optional(domainJson, "verifyingContract") is { } contract ? Address.Parse(contract.GetString()!) : null,
            Salt = Optional(domainJson, "salt") is { } salt ? Hash32.Parse(salt.GetString()!) : null,
        };
        return new TypedDataRequest
        {
            Domain = domain,
            Types = types,
            PrimaryType = Required(root, "primaryType").GetString()!,
            Message = Required(root, "message"),
        };
    }

    private static JsonElement Required(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value
            : throw new EthereumException($"Typed data JSON must have a '{name}' member but it is missing");

    private static JsonElement? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
