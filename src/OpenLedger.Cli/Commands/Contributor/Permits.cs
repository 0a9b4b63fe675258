using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.TypedData;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>Pays a bond with an ERC-2612 permit signed locally, so registering is one transaction with no approve.</summary>
public static class Permits
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types = TypedDataRequest.ParseTypes(
        "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    public static async Task<TransactionReceipt> RegisterWithPermitAsync(ChainSession session, BigInteger modelId, Entry entry, CancellationToken ct)
    {
        var token = session.Services.Token;
        var domain = await token.Eip712DomainAsync(ct: ct);
        var nonce = await token.NoncesAsync(session.Sender, ct: ct);
        var deadline = await ChainTime.NowAsync(session.Rpc, ct) + 3600;
        var permit = new TypedDataRequest
        {
            Domain = new TypedDataDomain { Name = domain.Name, Version = domain.Version, ChainId = domain.ChainId, VerifyingContract = domain.VerifyingContract },
            Types = Types,
            PrimaryType = "Permit",
            Message = new Dictionary<string, object?>
            {
                ["owner"] = session.Sender,
                ["spender"] = session.Services.Registry.Address,
                ["value"] = entry.Bond,
                ["nonce"] = nonce,
                ["deadline"] = deadline,
            },
        };
        var signature = session.Client!.Account.SignTypedData(permit);
        return await session.Services.Registry.RegisterWithPermitAsync(modelId, entry, deadline, signature.V, signature.R, signature.S, ct);
    }
}
