using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>
/// Every contribution of a model as the node indexed it (GET /models/{m}/contributions, all keyset pages, without the
/// registrations a reveal superseded), in registration order, as the report's <see cref="ContributionEntry"/>: id, contributor, content hash, block, log index, status.
/// </summary>
public static class RegisteredContributions
{
    /// <summary>The API's largest page.</summary>
    public const int MaxPageSize = 500;

    public static async Task<IReadOnlyList<ContributionEntry>> ReadAsync(NodeApi node, BigInteger modelId, CancellationToken ct, int pageSize = MaxPageSize)
    {
        var path = $"models/{modelId}/contributions?limit={pageSize}";
        var items = await node.GetAllAsync(path, ct, allowMissing: true)
            ?? throw new CliException($"the node at {node.BaseUrl} has not indexed model {modelId} (is it synced?)");
        // A superseded registration is not a contribution of the model any more: a reveal of an earlier commitment took
        // the content back, and its id names the revealer's registration, listed after it.
        return [.. items.Where(item => item?["status"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                                       || item["status"]!.GetValue<string>() != Superseded)
            .Select(item => Entry(item!, path))];
    }

    /// <summary>
    /// The cohort boundaries of a neighbour-credit report for <paramref name="epoch"/>: the blocks at which the model's
    /// earlier epochs were posted, as the node indexed them (GET /models/{m}/epochs), by the rule the node checks.
    /// </summary>
    public static async Task<IReadOnlyList<ulong>> CohortBoundariesAsync(NodeApi node, BigInteger modelId, ulong epoch, CancellationToken ct)
    {
        var path = $"models/{modelId}/epochs";
        var items = await node.GetAllAsync(path, ct, allowMissing: true)
            ?? throw new CliException($"the node at {node.BaseUrl} has not indexed model {modelId} (is it synced?)");
        var posted = items.Select(item =>
        {
            try
            {
                var view = Field(item!, "epoch");
                return (checked((ulong)Field(view, "epoch").GetValue<long>()), checked((ulong)Field(view, "postedBlock").GetValue<long>()));
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
            {
                throw new CliException($"the node answered {path} with an epoch this command cannot read ({e.Message}): {item?.ToJsonString()}");
            }
        });
        return Attribution.Methods.CohortBoundaries.Of(posted.ToList(), epoch);
    }

    private const string Superseded = "superseded";

    private static ContributionEntry Entry(JsonNode item, string path)
    {
        try
        {
            var id = Field(item, "id").GetValue<string>();
            if (!Hash32.TryParse(id, out _)) throw new FormatException($"id '{id}' is not 0x and 64 hex digits");
            return new ContributionEntry(
                BigInteger.Parse("0" + id[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                Address.Parse(Field(item, "contributor").GetValue<string>()),
                Hash32.Parse(Field(item, "contentHash").GetValue<string>()),
                checked((ulong)Field(item, "registeredBlock").GetValue<long>()),
                checked((ulong)Field(item, "logIndex").GetValue<int>()),
                Status(Field(item, "status").GetValue<string>()));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException
            or OpenLedger.Ethereum.EthereumException)
        {
            throw new CliException($"the node answered {path} with a contribution this command cannot read ({e.Message}): {item.ToJsonString()}");
        }
    }

    private static JsonNode Field(JsonNode item, string name) => item[name] ?? throw new FormatException($"field {name} is missing");

    private static ContributionStatus Status(string text) => text switch
    {
        "active" => ContributionStatus.Active,
        "flagged" => ContributionStatus.Flagged,
        "slashed" => ContributionStatus.Slashed,
        _ => throw new FormatException($"status '{text}' is not active, flagged or slashed"),
    };

    /// <summary>The id as the API and the chain write it: 0x and 64 hex digits.</summary>
    public static string HexId(BigInteger id) => "0x" + id.ToString("x64", CultureInfo.InvariantCulture)[^64..];
}
