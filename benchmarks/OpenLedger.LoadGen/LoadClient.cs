using System.Net;

namespace OpenLedger.LoadGen;

/// <summary>The one HttpClient of a run: a connection per worker, kept open for the whole run.</summary>
public static class LoadClient
{
    public static HttpClient Create(Uri baseUrl, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
        };
        return new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }
}
