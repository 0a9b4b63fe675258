using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Relay;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>
/// contribute --gasless: sign the EIP-712 Register message and hand it to the node's relay. registerBySig pulls the
/// bond by allowance; when the allowance is short, an EIP-2612 permit is signed too and the relay sends it first,
/// so a contributor with OPEN but no ETH can still bond.
/// </summary>
public static class GaslessRegistration
{
    /// <summary>How long the relay has to send the signed registration (and the permit).</summary>
    public static readonly BigInteger Validity = 600;

    public static async Task<int> RunAsync(CliContext context, ChainSession session, BigInteger modelId, Entry entry, Hash32 id, CancellationToken ct)
    {
        var registry = session.Services.Registry;
        // ContributeCommand has already refused a balance below the bond (one line): a permit cannot make up for that.
        var allowance = await session.Services.Token.AllowanceAsync(session.Sender, registry.Address, ct: ct);
        var nonce = await registry.NoncesAsync(session.Sender, ct: ct);
        var deadline = await ChainTime.NowAsync(session.Rpc, ct) + Validity;
        var message = new RegisterMessage(session.Sender, modelId, entry.ContentHash, (byte)entry.Kind, entry.Uri, entry.Bond, nonce, deadline);
        var signature = session.Client!.Account.SignTypedData(message.ToTypedData(session.Deployment.ChainId, registry.Address));
        var body = new JsonObject
        {
            ["modelId"] = modelId.ToString(),
            ["contentHash"] = entry.ContentHash.ToString(),
            ["kind"] = (int)entry.Kind,
            ["uri"] = entry.Uri,
            ["bond"] = entry.Bond.ToString(),
            ["contributor"] = session.Sender.ToString(),
            ["nonce"] = nonce.ToString(),
            ["deadline"] = deadline.ToString(),
            ["signature"] = signature.ToHex(),
        };
        if (allowance < entry.Bond)
        {
            // Exactly the bond: the permit sets the allowance, so nothing beyond this registration is left approved.
            var permit = await Permits.SignAsync(session, entry.Bond, deadline, ct);
            body["permit"] = new JsonObject { ["value"] = entry.Bond.ToString(), ["deadline"] = deadline.ToString(), ["signature"] = permit.ToHex() };
            context.Info($"signed a permit for {Amounts.Format(entry.Bond)} OPEN; the relay sends it before the registration");
        }
        var answer = await context.Node().PostAsync("relay/register", body, ct);
        context.WriteResult(("id", answer["id"]?.GetValue<string>() ?? id.ToString()), ("contentHash", entry.ContentHash), ("model", modelId),
            ("bond", Amounts.Format(entry.Bond)), ("transaction", answer["transactionHash"]?.GetValue<string>()),
            ("permitTransaction", answer["permitTransactionHash"]?.GetValue<string>()), ("relayed", true));
        return ExitCodes.Ok;
    }
}
