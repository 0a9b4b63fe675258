using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The stored distribution of an epoch: the report it came from (hash), the posted claim tree (root, totals, every
/// leaf (index, account, open, shares) with its proof) and the attribution's reasoning (values and outcomes per
/// contribution, flag candidates with their reasons, duplicates) and, when the report measured it, its precision (LDS
/// and interval).
/// Canonical: fixed property order, no whitespace, integers as decimal strings; its keccak256 is its address.
/// </summary>
public static class EpochDistributionJson
{
    // v2: flag candidates are objects (id, contributor, value, reason) as in the attribution's own distribution; v1
    // listed their ids only, so the API could not say why a contribution was marked.
    public const string Schema = "openledger.epoch-distribution/v2";

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
            DistributionJson.WriteBudgetAndTotals(w, d);
            DistributionJson.WriteAllocations(w, "leaves", d);
            DistributionJson.WriteContributions(w, d);
            DistributionJson.WriteFlagCandidates(w, d);
            w.WriteStartArray("excludedDuplicates");
            foreach (var x in d.ExcludedDuplicates)
            {
                w.WriteStartObject();
                w.WriteString("id", Dec(x.Id));
                w.WriteString("originalId", Dec(x.OriginalId));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            // Only when the report measured it, so the documents of earlier epochs keep their bytes.
            if (d.Precision is { } precision) DistributionJson.WritePrecision(w, precision);
            w.WriteEndObject();
        }
        return stream.ToArray();
    }

    private static string Dec(BigInteger n) => DistributionJson.Dec(n);
}
