using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Relay;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>contribute --gasless: sign the EIP-712 Register message and hand it to the node's relay.</summary>
public static class GaslessRegistration
{
    /// <summary>How long the relay has to send the signed registration.</summary>
    public static readonly BigInteger Validity = 600;

    public static async Task<int> RunAsync(CliContext context, ChainSession session, BigInteger modelId, Entry entry, Hash32 id, CancellationToken ct)
    {
        var registry = session.Services.Registry;
        // registerBySig pulls the bond by allowance: a permit would need gas from the contributor, which is what this avoids.
        var allowance = await session.Services.Token.AllowanceAsync(session.Sender, registry.Address, ct: ct);
        if (allowance < entry.Bond)
            throw new CliException($"too little allowance: the registry may pull {Amounts.Format(allowance)} OPEN from {session.Sender} but the bond is {Amounts.Format(entry.Bond)}");
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
        var answer = await context.Node().PostAsync("relay/register", body, ct);
        context.WriteResult(("id", answer["id"]?.GetValue<string>() ?? id.ToString()), ("contentHash", entry.ContentHash), ("model", modelId),
            ("bond", Amounts.Format(entry.Bond)), ("transaction", answer["transactionHash"]?.GetValue<string>()), ("relayed", true));
        return ExitCodes.Ok;
    }
}
