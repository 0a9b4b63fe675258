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
        var values = distribution["contributions"]!.AsArray()
            .ToDictionary(c => c!["id"]!.GetValue<string>(), c => c!["value"]!.GetValue<double>());
        var contributions = (await node.GetAllAsync($"models/{model}/contributions", default))!;

        var rows = new List<ContributorRow>();
        BigInteger holdersRevenue = 0;
        foreach (var person in cast.Contributors)
        {
            var account = person.Address.ToString();
            var mine = contributions.Where(c => Same(c["contributor"], account)).ToList();
            if (mine.Count != 1) throw new DemoFailure($"the node lists {mine.Count} contributions of {person.Name} in model {model}, expected 1");
            var contribution = mine[0];
            var decimalId = new BigInteger(Convert.FromHexString(contribution["id"]!.GetValue<string>()[2..]), isUnsigned: true, isBigEndian: true)
                .ToString(CultureInfo.InvariantCulture);

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
                values.TryGetValue(decimalId, out var value) ? value : null,
                claimed.Aggregate(BigInteger.Zero, (sum, c) => sum + Big(c["openAmount"])),
                shares,
                revenue is null ? 0 : Big(revenue["withdrawn"]),
                person.Index == Cast.CorruptedContributor));
        }
        var facts = new EpochFacts(posted["status"]!.GetValue<string>(), Big(view["totalOpen"]), Big(view["totalShares"]),
            Big(view["claimedOpen"]), Big(view["claimedShares"]), holdersRevenue);
        return new FinalTable(facts, rows);
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"{"contributor",-12}{"registered",-28}{"status",-9}{"value",12}{"OPEN",14}{"shares",12}{"revenue OPEN",14}");
        foreach (var r in Rows)
        {
            var value = r.Value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "-";
            output.WriteLine($"{r.Name,-12}{r.RegisteredHow,-28}{r.Status,-9}{value,12}{Short(r.OpenClaimed),14}{r.SharesHeld,12}{Short(r.RevenueWithdrawn),14}");
        }
        output.WriteLine($"{"epoch total",-49}{"",12}{Short(Epoch.TotalOpen),14}{Epoch.TotalShares,12}");
    }

    /// <summary>OPEN to 4 decimals for the table (summary.json keeps the exact wei).</summary>
    private static string Short(BigInteger wei) =>
        ((decimal)BigInteger.Divide(wei + BigInteger.Pow(10, 13) * 5, BigInteger.Pow(10, 14)) / 10_000m).ToString("0.0000", CultureInfo.InvariantCulture);

    private static bool Same(JsonNode? address, string account) => string.Equals(address?.GetValue<string>(), account, StringComparison.OrdinalIgnoreCase);

    private static BigInteger Big(JsonNode? text) => BigInteger.Parse(text?.GetValue<string>() ?? "0", CultureInfo.InvariantCulture);
}
