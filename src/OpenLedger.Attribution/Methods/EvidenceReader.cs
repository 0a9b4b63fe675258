using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>Parsing shared by the methods' evidence formats.</summary>
internal static class EvidenceReader
{
    /// <summary>An array of distinct contribution ids (decimal strings).</summary>
    public static List<BigInteger>? Ids(JsonElement obj, string path, string name, JsonFieldReader reader)
    {
        var array = reader.Array(obj, path, name);
        if (array is null) return null;
        var p = JsonFieldReader.Join(path, name);
        var ids = new List<BigInteger>(array.Value.GetArrayLength());
        var seen = new HashSet<BigInteger>();
        var ok = true;
        var index = 0;
        foreach (var element in array.Value.EnumerateArray())
        {
            var id = reader.Uint256(element, JsonFieldReader.Index(p, index));
            if (id is null) ok = false;
            else if (!seen.Add(id.Value))
            {
                reader.Fail(JsonFieldReader.Index(p, index), $"contribution {id} appears twice in the same list");
                ok = false;
            }
            else ids.Add(id.Value);
            index++;
        }
        return ok ? ids : null;
    }

    /// <summary>An array of {members, utility} objects.</summary>
    public static List<CoalitionUtility>? Coalitions(JsonElement obj, string path, string name, JsonFieldReader reader)
    {
        var array = reader.Array(obj, path, name);
        if (array is null) return null;
        var p = JsonFieldReader.Join(path, name);
        var result = new List<CoalitionUtility>(array.Value.GetArrayLength());
        var ok = true;
        var index = 0;
        foreach (var element in array.Value.EnumerateArray())
        {
            var at = JsonFieldReader.Index(p, index++);
            if (element.ValueKind != JsonValueKind.Object)
            {
                reader.Fail(at, $"must be an object {{members, utility}} but is {JsonFieldReader.Describe(element)}");
                ok = false;
                continue;
            }
            var members = Ids(element, at, "members", reader);
            var utility = reader.Finite(element, at, "utility");
            if (members is null || utility is null) ok = false;
            else result.Add(new CoalitionUtility(members, utility.Value));
        }
        return ok ? result : null;
    }

    /// <summary>An array of {id, key} objects mapping contributions to a finite number; ids must be distinct.</summary>
    public static List<(BigInteger Id, double Value)>? IdValues(JsonElement obj, string path, string name, string key, JsonFieldReader reader)
    {
        var array = reader.Array(obj, path, name);
        if (array is null) return null;
        var p = JsonFieldReader.Join(path, name);
        var result = new List<(BigInteger, double)>();
        var seen = new HashSet<BigInteger>();
        var ok = true;
        var index = 0;
        foreach (var element in array.Value.EnumerateArray())
        {
            var at = JsonFieldReader.Index(p, index++);
            var id = reader.Uint256(element, at, "id");
            var value = reader.Finite(element, at, key);
            if (id is not null && !seen.Add(id.Value))
            {
                reader.Fail(JsonFieldReader.Join(at, "id"), $"contribution {id} appears twice");
                ok = false;
            }
            if (id is null || value is null) ok = false;
            else result.Add((id.Value, value.Value));
        }
        return ok ? result : null;
    }

    public static IEnumerable<EvidenceReference> References(IReadOnlyList<BigInteger> ids, Func<int, string> path)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            var index = i;
            yield return new EvidenceReference(ids[i], () => path(index));
        }
    }
}
