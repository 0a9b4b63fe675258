using System.Net;
using System.Text.Json.Nodes;

namespace OpenLedger.Node.Tests.Support;

/// <summary>Reads API answers as JSON, asserting the status code first so a failure shows the body.</summary>
public static class HttpJson
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>Follows <c>next</c> cursors from <paramref name="url"/> until the last page; returns every item.</summary>
    public static async Task<List<JsonNode>> WalkAsync(this HttpClient client, string url)
    {
        var items = new List<JsonNode>();
        var separator = url.Contains('?') ? '&' : '?';
        for (var page = await client.GetJsonAsync(url); ; )
        {
            items.AddRange(page["items"]!.AsArray().Select(i => i!));
            var next = page["next"]?.GetValue<string>();
            if (next is null) return items;
            page = await client.GetJsonAsync($"{url}{separator}cursor={next}");
        }
    }

    public static string Ether(int n) => (new System.Numerics.BigInteger(n) * System.Numerics.BigInteger.Pow(10, 18)).ToString();
}
