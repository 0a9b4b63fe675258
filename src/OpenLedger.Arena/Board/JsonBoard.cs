using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenLedger.Arena.Board;

/// <summary>The board as JSON (schema <c>openledger.arena/v1</c>): settings, datasets, methods, strategies and every cell.</summary>
public static class JsonBoard
{
    public const string Schema = "openledger.arena/v1";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(Scoreboard board) => ToJson(board).ToJsonString(Indented);

    public static JsonObject ToJson(Scoreboard board) => new()
    {
        ["schema"] = Schema,
        ["seed"] = board.Settings.Seed,
        ["k"] = board.Settings.K,
        ["honestContributors"] = board.Settings.HonestContributors,
        ["tmcPermutations"] = board.Settings.TmcPermutations,
        ["tmcTolerance"] = board.Settings.TmcTolerance,
        ["banzhafSamples"] = board.Settings.BanzhafSamples,
        ["defaultMethod"] = board.DefaultMethod,
        ["datasets"] = new JsonArray(board.Datasets.Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name, ["rows"] = d.Rows, ["features"] = d.Features, ["classes"] = d.Classes, ["testRows"] = d.TestRows,
            ["honestShardRows"] = new JsonArray(d.HonestShardRows.Select(r => (JsonNode)r).ToArray()), ["ownShardRows"] = d.OwnShardRows,
            ["score"] = d.Score, ["baseline"] = d.Baseline,
        }).ToArray()),
        ["methods"] = new JsonArray(board.Methods.Select(m => (JsonNode)new JsonObject
        {
            ["name"] = m.Name, ["level"] = m.ItemLevel ? "item" : "contribution", ["sampled"] = m.Sampled,
        }).ToArray()),
        ["strategies"] = new JsonArray(board.Strategies.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.Name, ["family"] = s.Family.ToString().ToLowerInvariant(), ["description"] = s.Description,
        }).ToArray()),
        ["cells"] = new JsonArray(board.Cells.Select(c => (JsonNode)new JsonObject
        {
            ["dataset"] = c.Dataset, ["strategy"] = c.Strategy, ["method"] = c.Method,
            ["notPlayed"] = c.NotPlayed, ["refused"] = c.Refused,
            ["attackerShare"] = c.AttackerShare, ["referenceShare"] = c.ReferenceShare, ["attemptedShare"] = c.AttemptedShare,
            ["maxHonestChange"] = c.MaxHonestChange, ["honestShareLost"] = c.HonestShareLost, ["originalChange"] = c.OriginalChange,
            ["flagged"] = c.Flagged, ["excluded"] = c.Excluded, ["attackerValue"] = c.AttackerValue,
            ["target"] = c.Target, ["met"] = c.Met,
        }).ToArray()),
    };
}
