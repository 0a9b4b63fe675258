using System.Numerics;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.TypedData;

namespace OpenLedger.Node.Relay;

/// <summary>
/// The EIP-2612 Permit message OpenToken (OZ ERC20Permit) checks, over the domain the token reports through
/// eip712Domain(). The CLI signs it (registerWithPermit, gasless contribute); the relay recovers it.
/// </summary>
public sealed record PermitMessage(Address Owner, Address Spender, BigInteger Value, BigInteger Nonce, BigInteger Deadline)
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types = TypedDataRequest.ParseTypes(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    public TypedDataRequest ToTypedData(Eip712DomainOutput domain) => new()
    {
        Domain = new TypedDataDomain { Name = domain.Name, Version = domain.Version, ChainId = domain.ChainId, VerifyingContract = domain.VerifyingContract },
        Types = Types,
        PrimaryType = "Permit",
        Message = new Dictionary<string, object?>
        {
            ["owner"] = Owner,
            ["spender"] = Spender,
            ["value"] = Value,
            ["nonce"] = Nonce,
            ["deadline"] = Deadline,
        },
    };
}
