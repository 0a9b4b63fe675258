using System.Numerics;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Node.Relay;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>Pays a bond with an ERC-2612 permit signed locally, so registering is one transaction with no approve.</summary>
public static class Permits
{
    public static async Task<TransactionReceipt> RegisterWithPermitAsync(ChainSession session, BigInteger modelId, Entry entry, CancellationToken ct)
    {
        var deadline = await ChainTime.NowAsync(session.Rpc, ct) + 3600;
        var signature = await SignAsync(session, entry.Bond, deadline, ct);
        return await session.Services.Registry.RegisterWithPermitAsync(modelId, entry, deadline, signature.V, signature.R, signature.S, ct);
    }

    /// <summary>
    /// Signs a permit letting the registry pull <paramref name="value"/> wei of OPEN from the session's account, over the
    /// domain the token reports (eip712Domain) and its current permit nonce. Signing costs no gas.
    /// </summary>
    public static async Task<Signature> SignAsync(ChainSession session, BigInteger value, BigInteger deadline, CancellationToken ct)
    {
        var token = session.Services.Token;
        var domain = await token.Eip712DomainAsync(ct: ct);
        var nonce = await token.NoncesAsync(session.Sender, ct: ct);
        var permit = new PermitMessage(session.Sender, session.Services.Registry.Address, value, nonce, deadline);
        return session.Client!.Account.SignTypedData(permit.ToTypedData(domain));
    }
}
