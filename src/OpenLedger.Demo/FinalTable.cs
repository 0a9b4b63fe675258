using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Demo;

/// <summary>
/// The scenario's result per contributor, read back from the node's query API only (contributions, the epoch's
/// distribution, claims, share balances, revenue), so what it shows is what any client of the API sees.
/// </summary>
public sealed record FinalTable(EpochFacts Epoch, IReadOnlyList<ContributorRow> Rows)
{
    public static async Task<FinalTable> ReadAsync(NodeApi node, Cast cast, DemoOutcome outcome, ulong epoch)
    {
        var model = outcome.ModelId;
        var epochs = (await node.GetAllAsync($"models/{model}/epochs", default))!;
        var posted = epochs.FirstOrDefault(e => e["epoch"]!["epoch"]!.GetValue<long>() == (long)epoch)
            ?? throw new DemoFailure($"the node lists no epoch {epoch} for model {model}");
        var view = posted["epoch"]!;
        var distribution = (await node.GetAsync($"models/{model}/epochs/{epoch}/distribution", default))!;
        var attributed = distribution["contributions"]!.AsArray().ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!);
        var flags = distribution["flagCandidates"]!.AsArray().ToDictionary(f => f!["id"]!.GetValue<string>(), f => f!["reason"]!.GetValue<string>());
        var contributions = (await node.GetAllAsync($"models/{model}/contributions", default))!;
        // Who registered which contribution (decimal id, as the distribution names them), to name a copy's original.
        var names = cast.Contributors.ToDictionary(p => p.Address.ToString(), p => p.Name, StringComparer.OrdinalIgnoreCase);
        var owners = contributions.ToDictionary(c => DecimalId(c), c => names.GetValueOrDefault(c["contributor"]!.GetValue<string>(), c["contributor"]!.GetValue<string>()));

        var rows = new List<ContributorRow>();
        BigInteger holdersRevenue = 0;
        foreach (var person in cast.Contributors)
        {
            var account = person.Address.ToString();
            var mine = contributions.Where(c => Same(c["contributor"], account)).ToList();
            if (mine.Count != 1) throw new DemoFailure($"the node lists {mine.Count} contributions of {person.Name} in model {model}, expected 1");
            var contribution = mine[0];
            var decimalId = DecimalId(contribution);
            var attribution = attributed.GetValueOrDefault(decimalId);

            var claims = (await node.GetAllAsync($"accounts/{account}/claims", default))!;
            var claimed = claims.Where(c => c["modelId"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture) == model).ToList();
            var shares = (await node.GetAsync($"accounts/{account}/shares", default))!.AsArray()
                .Where(s => s!["modelId"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture) == model)
                .Select(s => Big(s!["balance"])).FirstOrDefault();
            var revenue = (await node.GetAsync($"accounts/{account}/revenue", default))!["models"]!.AsArray()
                .FirstOrDefault(m => m!["modelId"]!.GetValue<long>().ToString(CultureInfo.InvariantCulture) == model);
            if (revenue is not null) holdersRevenue = Big(revenue["depositedForHolders"]);

            rows.Add(new ContributorRow(
                person.Name, account, outcome.RegisteredHow.GetValueOrDefault(person, "?"),
                contribution["contentHash"]!.GetValue<string>(), contribution["status"]!.GetValue<string>(),
                attribution?["value"]!.GetValue<double>(),
                claimed.Aggregate(BigInteger.Zero, (sum, c) => sum + Big(c["openAmount"])),
                shares,
                revenue is null ? 0 : Big(revenue["withdrawn"]),
                Cast.PartOf(person),
                attribution?["outcome"]!.GetValue<string>() ?? "not in the epoch",
                Why(attribution, flags.GetValueOrDefault(decimalId), contribution["status"]!.GetValue<string>(), owners)));
        }
        var facts = new EpochFacts(posted["status"]!.GetValue<string>(), Big(view["totalOpen"]), Big(view["totalShares"]),
            Big(view["claimedOpen"]), Big(view["claimedShares"]), holdersRevenue);
        return new FinalTable(facts, rows);
    }

    /// <summary>
    /// Why the contribution earned what it did, from the epoch's distribution as the API serves it: the original of a
    /// near-duplicate, the share of evaluation rows among contaminated items, a flag candidate's reason, or for a
    /// credited one how many of its items were within reach of an evaluation point.
    /// </summary>
    internal static string Why(JsonNode? attribution, string? flagReason, string status, IReadOnlyDictionary<string, string> owners)
    {
        if (attribution is null) return "not in the epoch's report";
        var items = attribution["items"];
        int Count(string name) => items?[name]?.GetValue<int>() ?? 0;
        var why = attribution["outcome"]!.GetValue<string>() switch
        {
            "near-duplicate" => $"copy of {Original(items?["copiedFrom"]?.GetValue<string>(), owners)} ({Count("nearDuplicates")} of {Count("total")} rows within the near-duplicate tolerance)",
            "contaminated" => $"{Count("contaminated")} of {Count("total")} rows are evaluation rows",
            "duplicate" => "same content as an earlier registration",
            "slashed" => "slashed before the epoch",
            _ when flagReason is not null => $"flag candidate: {flagReason}",
            _ when items is not null => $"{Count("active")} of {Count("total")} rows near an evaluation point, {Count("harmful")} harmful",
            _ => "credited",
        };
        return status == "slashed" && attribution["outcome"]!.GetValue<string>() != "slashed" ? $"{why}; bond slashed" : why;
    }

    private static string Original(string? id, IReadOnlyDictionary<string, string> owners) =>
        // Contribution ids are content-addressed uint256s: a name, or the id's first digits, reads better in a table.
        id is null ? "an earlier registration" : owners.TryGetValue(id, out var name) ? $"{name}'s shard" : $"contribution {(id.Length > 10 ? id[..10] + "…" : id)}";

    public void Print(TextWriter output)
    {
        output.WriteLine($"{"contributor",-12}{"registered",-28}{"status",-9}{"value",9}{"OPEN",11}{"shares",8}{"revenue",10}  why (from the API)");
        foreach (var r in Rows)
        {
            var value = r.Value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
            output.WriteLine($"{r.Name,-12}{r.RegisteredHow,-28}{r.Status,-9}{value,9}{Short(r.OpenClaimed),11}{r.SharesHeld,8}{Short(r.RevenueWithdrawn),10}  {r.Why}");
        }
        output.WriteLine($"{"epoch total",-49}{"",9}{Short(Epoch.TotalOpen),11}{Epoch.TotalShares,8}");
    }

    private static string DecimalId(JsonNode contribution) =>
        new BigInteger(Convert.FromHexString(contribution["id"]!.GetValue<string>()[2..]), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);

    /// <summary>OPEN to 4 decimals for the table (summary.json keeps the exact wei).</summary>
    private static string Short(BigInteger wei) =>
        ((decimal)BigInteger.Divide(wei + BigInteger.Pow(10, 13) * 5, BigInteger.Pow(10, 14)) / 10_000m).ToString("0.0000", CultureInfo.InvariantCulture);

    private static bool Same(JsonNode? address, string account) => string.Equals(address?.GetValue<string>(), account, StringComparison.OrdinalIgnoreCase);

    private static BigInteger Big(JsonNode? text) => BigInteger.Parse(text?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
}
