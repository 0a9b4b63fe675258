using System.Globalization;
using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Precision;

namespace OpenLedger.Attribution;

/// <summary>
/// The canonical JSON of a <see cref="Distribution"/>: fixed property order, no whitespace, integers as decimal
/// strings, doubles in their shortest round-trip form, lists in their deterministic order. Equal distributions give
/// equal bytes, so the bytes' keccak256 is a content address.
/// </summary>
public static class DistributionJson
{
    public const string Schema = "openledger.distribution/v2";

    public static byte[] ToCanonicalJson(Distribution d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, SkipValidation = false }))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("modelId", Dec(d.ModelId));
            w.WriteNumber("epoch", d.Epoch);
            w.WriteString("method", d.Method);
            w.WriteStartArray("leafTypes");
            foreach (var t in d.LeafTypes) w.WriteStringValue(t);
            w.WriteEndArray();
            if (d.MerkleRoot is { } root) w.WriteString("merkleRoot", root.ToString());
            else w.WriteNull("merkleRoot");
            WriteBudgetAndTotals(w, d);
            WriteAllocations(w, "allocations", d);
            WriteContributions(w, d);
            WriteFlagCandidates(w, d);
            w.WriteStartArray("excludedDuplicates");
            foreach (var x in d.ExcludedDuplicates)
            {
                w.WriteStartObject();
                w.WriteString("id", Dec(x.Id));
                w.WriteString("contributor", x.Contributor.ToChecksumString());
                w.WriteString("contentHash", x.ContentHash.ToString());
                w.WriteString("originalId", Dec(x.OriginalId));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // Only when measured, so a distribution without precision keeps the bytes (and content hash) it always had.
            if (d.Precision is { } precision) WritePrecision(w, precision);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    /// <summary>The "budget" and "totals" objects (OPEN and shares). Shared with the node's epoch distribution.</summary>
    public static void WriteBudgetAndTotals(Utf8JsonWriter w, Distribution d)
    {
        w.WriteStartObject("budget");
        w.WriteString("open", Dec(d.BudgetOpen));
        w.WriteString("shares", Dec(d.BudgetShares));
        w.WriteEndObject();
        w.WriteStartObject("totals");
        w.WriteString("open", Dec(d.TotalOpen));
        w.WriteString("shares", Dec(d.TotalShares));
        w.WriteEndObject();
    }

    /// <summary>
    /// The claim tree's leaves as an array named <paramref name="name"/>: index, account, amounts, value, capped and
    /// proof of each allocation. Shared with the node's epoch distribution (which calls the array "leaves").
    /// </summary>
    public static void WriteAllocations(Utf8JsonWriter w, string name, Distribution d)
    {
        w.WriteStartArray(name);
        foreach (var a in d.Allocations)
        {
            w.WriteStartObject();
            w.WriteNumber("index", a.Index);
            w.WriteString("account", a.Account.ToChecksumString());
            w.WriteString("open", Dec(a.Open));
            w.WriteString("shares", Dec(a.Shares));
            Number(w, "value", a.Value);
            w.WriteBoolean("capped", a.Capped);
            w.WriteStartArray("proof");
            foreach (var p in a.Proof) w.WriteStringValue(p.ToString());
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// The "contributions" array: each contribution's value, standard error and outcome. Shared with the node's
    /// epoch distribution so both documents state the attribution in the same bytes.
    /// </summary>
    public static void WriteContributions(Utf8JsonWriter w, Distribution d)
    {
        w.WriteStartArray("contributions");
        foreach (var c in d.Contributions)
        {
            w.WriteStartObject();
            w.WriteString("id", Dec(c.Id));
            w.WriteString("contributor", c.Contributor.ToChecksumString());
            Number(w, "value", c.Value);
            if (c.StandardError is { } se) Number(w, "standardError", se);
            w.WriteString("outcome", OutcomeName(c.Outcome));
            if (c.Items is { } items) WriteItems(w, items);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>
    /// The "flagCandidates" array: id, contributor, value and why the attribution marks it (its reason), shared with the
    /// node's epoch distribution so a validator reads the reason where the API serves the epoch.
    /// </summary>
    public static void WriteFlagCandidates(Utf8JsonWriter w, Distribution d)
    {
        w.WriteStartArray("flagCandidates");
        foreach (var f in d.FlagCandidates)
        {
            w.WriteStartObject();
            w.WriteString("id", Dec(f.Id));
            w.WriteString("contributor", f.Contributor.ToChecksumString());
            Number(w, "value", f.Value);
            w.WriteString("reason", f.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>The "precision" object: model class, LDS, interval, subsets and confidence. Shared with the node's epoch distribution.</summary>
    public static void WritePrecision(Utf8JsonWriter w, PrecisionSummary p)
    {
        w.WriteStartObject("precision");
        w.WriteString("modelClass", p.ModelClass);
        Number(w, "lds", p.Lds);
        Number(w, "lower", p.Lower);
        Number(w, "upper", p.Upper);
        w.WriteNumber("subsets", p.Subsets);
        Number(w, "confidence", p.Confidence);
        w.WriteEndObject();
    }

    /// <summary>The outcome as the API and the documents name it: credited, duplicate, slashed, near-duplicate, contaminated.</summary>
    public static string OutcomeName(ContributionOutcome outcome) => outcome switch
    {
        ContributionOutcome.NearDuplicate => "near-duplicate",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static void WriteItems(Utf8JsonWriter w, ItemSummary items)
    {
        w.WriteStartObject("items");
        w.WriteNumber("total", items.Total);
        w.WriteNumber("credited", items.Credited);
        w.WriteNumber("nearDuplicates", items.NearDuplicates);
        w.WriteNumber("contaminated", items.Contaminated);
        if (items.CopiedFrom is { } original) w.WriteString("copiedFrom", Dec(original));
        w.WriteNumber("active", items.Active);
        w.WriteNumber("harmful", items.Harmful);
        Number(w, "harmPenalty", items.HarmPenalty);
        w.WriteEndObject();
    }

    /// <summary>An integer amount as canonical decimal text (uint256 does not fit a JSON number).</summary>
    public static string Dec(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A double in its shortest round-trip form ("R"), written raw so no writer reformats it: the same value always
    /// gives the same bytes.
    /// </summary>
    public static void Number(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
