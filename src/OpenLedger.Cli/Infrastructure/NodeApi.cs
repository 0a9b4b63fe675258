using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>The node's query API (and relay): JSON in and out; an RFC 7807 problem becomes a one-line refusal.</summary>
public sealed class NodeApi(Uri baseUrl)
{
    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };

    public Uri BaseUrl { get; } = baseUrl;

    /// <summary>GET as JSON; null on 404 when <paramref name="allowMissing"/>.</summary>
    public async Task<JsonNode?> GetAsync(string path, CancellationToken ct, bool allowMissing = false)
    {
        using var response = await SendAsync(() => _http.GetAsync(path, ct), path);
        if (allowMissing && response.StatusCode == HttpStatusCode.NotFound) return null;
        return await ReadAsync(response, path, ct);
    }

    /// <summary>
    /// Every item of a keyset-paged list, following its "next" cursors; null when the first page is a 404 and
    /// <paramref name="allowMissing"/>.
    /// </summary>
    public async Task<IReadOnlyList<JsonNode>?> GetAllAsync(string path, CancellationToken ct, bool allowMissing = false)
    {
        var items = new List<JsonNode>();
        string? cursor = null;
        do
        {
            var page = cursor is null ? path : $"{path}{(path.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}";
            var answer = await GetAsync(page, ct, allowMissing && cursor is null);
            if (answer is null) return null;
            var list = answer["items"] as JsonArray ?? throw new CliException($"the node answered {page} without an items list");
            items.AddRange(list.Select(item => item ?? throw new CliException($"the node answered {page} with a null item")));
            cursor = answer["next"]?.GetValue<string>();
        }
        while (cursor is not null);
        return items;
    }

    /// <summary>Waits (polling /status, at most <paramref name="timeout"/>) until the node has indexed block <paramref name="block"/>.</summary>
    public async Task WaitForBlockAsync(ulong block, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await GetAsync("status", ct);
            if (status?["cursor"]?.GetValue<long>() is { } cursor && cursor >= (long)block) return;
            if (DateTime.UtcNow > deadline)
                throw new CliException($"the node at {BaseUrl} did not index up to block {block} within {timeout.TotalSeconds:0} s");
            await Task.Delay(50, ct);
        }
    }

    public async Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken ct, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        using var response = await SendAsync(() => _http.SendAsync(request, ct), path);
        return await ReadAsync(response, path, ct);
    }

    /// <summary>
    /// POSTs <paramref name="body"/> byte for byte (a report's hash is of its exact bytes, so it must not be re-serialized);
    /// returns the success status with the JSON answer, a problem becomes a <see cref="CliException"/>.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonNode Body)> PostBytesAsync(string path, byte[] body, string bearerToken, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Bearer", bearerToken);
        using var response = await SendAsync(() => _http.SendAsync(request, ct), path);
        return (response.StatusCode, await ReadAsync(response, path, ct));
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send, string path)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"cannot reach the node API at {BaseUrl} ({path}): {e.Message}");
        }
    }

    private async Task<JsonNode> ReadAsync(HttpResponseMessage response, string path, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode? json = null;
        try { json = text.Length == 0 ? null : JsonNode.Parse(text); }
        catch (JsonException) { /* reported below with the status */ }
        if (response.IsSuccessStatusCode)
            return json ?? throw new CliException($"the node API answered {path} with something that is not JSON");
        var detail = json?["detail"]?.GetValue<string>() ?? json?["title"]?.GetValue<string>() ?? response.ReasonPhrase;
        if (json?["errors"] is JsonObject errors)
        {
            // A problem's detail often already lists its field errors (the node's report refusals do): each is said once.
            var fields = errors.SelectMany(e => e.Value!.AsArray().Select(m => (Field: e.Key, Message: m!.GetValue<string>())))
                .Where(e => detail is null || !detail.Contains(e.Message, StringComparison.Ordinal))
                .GroupBy(e => e.Field)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Message))}")
                .ToList();
            if (fields.Count > 0) detail += ": " + string.Join("; ", fields);
        }
        throw new CliException($"the node refused {path} ({(int)response.StatusCode}): {detail}");
    }
}
