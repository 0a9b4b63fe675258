using System.Text.Json;

namespace OpenLedger.LoadGen;

/// <summary>The ids and distinct contributors of one model's contributions, as the API lists them.</summary>
public sealed record Dataset(IReadOnlyList<string> Ids, IReadOnlyList<string> Contributors)
{
    /// <summary>Walks /models/{model}/contributions with the largest page the API allows; the ids come from the API, not from how the chain was loaded.</summary>
    public static async Task<Dataset> CollectAsync(HttpClient client, long modelId, TextWriter progress)
    {
        var ids = new List<string>();
        var contributors = new HashSet<string>(StringComparer.Ordinal);
        string? link = $"/models/{modelId}/contributions?limit=500";
        while (link is not null)
        {
            using var response = await client.GetAsync(link);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"listing {link} answered {(int)response.StatusCode}, expected 200: {body}");
            using var page = JsonDocument.Parse(body);
            foreach (var item in page.RootElement.GetProperty("items").EnumerateArray())
            {
                ids.Add(item.GetProperty("id").GetString()!);
                contributors.Add(item.GetProperty("contributor").GetString()!);
            }
            link = page.RootElement.GetProperty("nextLink").GetString();
        }
        progress.WriteLine($"model {modelId}: {ids.Count} contributions from {contributors.Count} contributors");
        return new Dataset(ids, [.. contributors.Order(StringComparer.Ordinal)]);
    }
}
