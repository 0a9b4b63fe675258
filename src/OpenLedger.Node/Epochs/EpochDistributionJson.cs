using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The stored distribution of an epoch: the report it came from (hash), the posted claim tree (root, totals, every
/// leaf (index, account, open, shares) with its proof) and the attribution's reasoning (values and outcomes per
/// contribution, flag candidates, duplicates).
/// Canonical: fixed property order, no whitespace, integers as decimal strings; its keccak256 is its address.
/// </summary>
public static class EpochDistributionJson
{
    public const string Schema = "openledger.epoch-distribution/v1";

    /// <summary>The document of <paramref name="d"/>; it must allocate something (have a root).</summary>
    public static byte[] ToCanonicalJson(Hash32 reportHash, Distribution d)
    {
        if (d.MerkleRoot is not { } root)
            throw new ArgumentException($"An epoch distribution needs a root, but model {d.ModelId} epoch {d.Epoch} allocates nothing", nameof(d));
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("schema", Schema);
            w.WriteString("modelId", Dec(d.ModelId));
            w.WriteNumber("epoch", d.Epoch);
            w.WriteString("reportHash", reportHash.ToString());
            w.WriteString("method", d.Method);
            w.WriteStartArray("leafTypes");
            foreach (var t in d.LeafTypes) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteString("root", root.ToString());
            w.WriteStartObject("budget");
            w.WriteString("open", Dec(d.BudgetOpen));
            w.WriteString("shares", Dec(d.BudgetShares));
            w.WriteEndObject();
            w.WriteStartObject("totals");
            w.WriteString("open", Dec(d.TotalOpen));
            w.WriteString("shares", Dec(d.TotalShares));
            w.WriteEndObject();
            w.WriteStartArray("leaves");
            foreach (var leaf in d.Allocations)
            {
                w.WriteStartObject();
                w.WriteNumber("index", leaf.Index);
                w.WriteString("account", leaf.Account.ToChecksumString());
                w.WriteString("open", Dec(leaf.Open));
                w.WriteString("shares", Dec(leaf.Shares));
                Number(w, "value", leaf.Value);
                w.WriteBoolean("capped", leaf.Capped);
                w.WriteStartArray("proof");
                foreach (var p in leaf.Proof) w.WriteStringValue(p.ToString());
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            DistributionJson.WriteContributions(w, d);
            w.WriteStartArray("flagCandidates");
            foreach (var f in d.FlagCandidates) w.WriteStringValue(Dec(f.Id));
            w.WriteEndArray();
            w.WriteStartArray("excludedDuplicates");
            foreach (var x in d.ExcludedDuplicates)
            {
                w.WriteStartObject();
                w.WriteString("id", Dec(x.Id));
                w.WriteString("originalId", Dec(x.OriginalId));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string Dec(BigInteger n) => DistributionJson.Dec(n);

    private static void Number(Utf8JsonWriter w, string name, double value) => DistributionJson.Number(w, name, value);
}
