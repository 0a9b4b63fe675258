using System.Text.Json.Nodes;

namespace OpenLedger.Demo;

/// <summary>GETs on the node's query API, as JSON; any non-success answer stops the demo with the route and status.</summary>
public sealed class NodeReader(HttpClient http)
{
    public Uri BaseAddress => http.BaseAddress!;

    public async Task<JsonNode> GetAsync(string route)
    {
        using var response = await http.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new DemoFailure($"GET {route} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) ?? throw new DemoFailure($"GET {route} answered an empty body");
    }

    /// <summary>Every item of a keyset-paged list, following the next cursors.</summary>
    public async Task<IReadOnlyList<JsonNode>> GetAllAsync(string route)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var separator = route.Contains('?') ? '&' : '?';
            var page = await GetAsync(cursor is null ? route : $"{route}{separator}cursor={Uri.EscapeDataString(cursor)}");
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            cursor = page["next"]?.GetValue<string>();
        } while (cursor is not null);
        return items;
    }
}
