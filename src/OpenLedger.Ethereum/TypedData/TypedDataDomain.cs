using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.TypedData;

/// <summary>
/// The EIP-712 domain. Only the fields that are set take part in the EIP712Domain type and the separator,
/// in the order the EIP fixes: name, version, chainId, verifyingContract, salt.
/// </summary>
public sealed record TypedDataDomain
{
    public string? Name { get; init; }
    public string? Version { get; init; }
    public BigInteger? ChainId { get; init; }
    public Address? VerifyingContract { get; init; }
    public Hash32? Salt { get; init; }

    /// <summary>The EIP712Domain fields implied by which properties are set.</summary>
    public IReadOnlyList<TypedDataField> Fields()
    {
        var fields = new List<TypedDataField>(5);
        if (Name is not null) fields.Add(new("name", "string"));
        if (Version is not null) fields.Add(new("version", "string"));
        if (ChainId is not null) fields.Add(new("chainId", "uint256"));
        if (VerifyingContract is not null) fields.Add(new("verifyingContract", "address"));
        if (Salt is not null) fields.Add(new("salt", "bytes32"));
        return fields;
    }

    /// <summary>The domain as a struct value for hashing.</summary>
    public IReadOnlyDictionary<string, object?> ToMessage()
    {
        var message = new Dictionary<string, object?>(5);
        if (Name is not null) message["name"] = Name;
        if (Version is not null) message["version"] = Version;
        if (ChainId is { } chainId) message["chainId"] = chainId;
        if (VerifyingContract is { } contract) message["verifyingContract"] = contract;
        if (Salt is { } salt) message["salt"] = salt;
        return message;
    }
}
