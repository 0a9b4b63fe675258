using System.Numerics;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Owner;

/// <summary>Shared by the owner's verbs: refuse before sending when the signer does not own the model.</summary>
public static class OwnerChecks
{
    public static async Task RequireOwnerAsync(ChainSession session, BigInteger modelId, string action, CancellationToken ct)
    {
        var owner = await session.RequireModelAsync(modelId, ct);
        if (owner != session.Sender) throw new CliException($"only the owner {owner} of model {modelId} may {action}; the signer is {session.Sender}");
    }
}
