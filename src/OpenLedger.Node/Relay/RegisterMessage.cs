using System.Numerics;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.TypedData;

namespace OpenLedger.Node.Relay;

/// <summary>
/// The EIP-712 Register message ContributionRegistry.registerBySig checks: domain "OpenLedger ContributionRegistry"
/// version 1 on the registry's chain and address. The CLI signs it; the relay recovers it.
/// </summary>
public sealed record RegisterMessage(
    Address Contributor, BigInteger ModelId, Hash32 ContentHash, byte Kind, string Uri, BigInteger Bond, BigInteger Nonce, BigInteger Deadline)
{
    public const string DomainName = "OpenLedger ContributionRegistry";
    public const string DomainVersion = "1";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types = TypedDataRequest.ParseTypes(
        "Register(address contributor,uint256 modelId,bytes32 contentHash,uint8 kind,string uri,uint256 bond,uint256 nonce,uint256 deadline)");

    public TypedDataRequest ToTypedData(ulong chainId, Address registry) => new()
    {
        Domain = new TypedDataDomain { Name = DomainName, Version = DomainVersion, ChainId = chainId, VerifyingContract = registry },
        Types = Types,
        PrimaryType = "Register",
        Message = new Dictionary<string, object?>
        {
            ["contributor"] = Contributor,
            ["modelId"] = ModelId,
            ["contentHash"] = ContentHash,
            ["kind"] = Kind,
            ["uri"] = Uri,
            ["bond"] = Bond,
            ["nonce"] = Nonce,
            ["deadline"] = Deadline,
        },
    };
}
