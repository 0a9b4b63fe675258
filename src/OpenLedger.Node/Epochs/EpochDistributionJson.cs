using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The stored distribution of an epoch: the report it came from (hash), the posted tree (root, totals, every leaf with
/// its proof) and the attribution's reasoning (values and outcomes per contribution, flag candidates, duplicates).
/// Canonical: fixed property order, no whitespace, integers as decimal strings; its keccak256 is its address.
/// </summary>
public static class EpochDistributionJson
{
    public const string Schema = "openledger.epoch-distribution/v1";

    public static byte[] ToCanonicalJson(Hash32 reportHash, Distribution d, EpochTree tree)
    {
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
            foreach (var t in EpochTree.LeafTypes) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteString("root", tree.Root.ToString());
            w.WriteStartObject("budget");
            w.WriteString("open", Dec(d.BudgetOpen));
            w.WriteString("shares", Dec(d.BudgetShares));
            w.WriteEndObject();
            w.WriteStartObject("totals");
            w.WriteString("open", Dec(tree.TotalOpen));
            w.WriteString("shares", Dec(tree.TotalShares));
            w.WriteEndObject();
            w.WriteStartArray("leaves");
            foreach (var leaf in tree.Leaves)
            {
                var allocation = d.Allocations[leaf.Index];
                w.WriteStartObject();
                w.WriteNumber("index", leaf.Index);
                w.WriteString("account", leaf.Account.ToChecksumString());
                w.WriteString("open", Dec(leaf.Open));
                w.WriteString("shares", Dec(leaf.Shares));
                Number(w, "value", allocation.Value);
                w.WriteBoolean("capped", allocation.Capped);
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
