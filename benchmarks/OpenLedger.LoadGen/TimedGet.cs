using System.Diagnostics;
using System.Net;

namespace OpenLedger.LoadGen;

/// <summary>A GET whose body is read completely before the clock stops.</summary>
public static class TimedGet
{
    public static async Task<(HttpStatusCode Status, byte[] Body, long ElapsedTicks)> SendAsync(HttpClient client, string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body, Stopwatch.GetTimestamp() - start);
    }
}
