using System.Text.Json.Nodes;

namespace OpenLedger.Attribution.Reports;

/// <summary>Writes a <see cref="PrecisionSection"/> as the report's <c>precision</c> object, which the parser reads back.</summary>
public static class PrecisionJson
{
    public static JsonObject ToJson(PrecisionSection section) => new()
    {
        ["modelClass"] = section.ModelClass,
        ["commitmentBlockHash"] = section.CommitmentBlockHash.ToString(),
        ["seed"] = section.Seed,
        ["subsets"] = new JsonArray(section.Subsets.Select(s => (JsonNode)new JsonObject
        {
            ["members"] = new JsonArray(s.Members.Select(id => (JsonNode)JsonValue.Create(id.ToString())!).ToArray()),
            ["utility"] = s.Utility,
        }).ToArray()),
        ["lds"] = section.Lds,
        ["lower"] = section.Lower,
        ["upper"] = section.Upper,
        ["confidence"] = section.Confidence,
    };
}
