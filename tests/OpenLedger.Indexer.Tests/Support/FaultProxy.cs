using System.Net;
using System.Text;
using System.Text.Json;
using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// An HTTP proxy on 127.0.0.1 in front of a node that injects seeded faults: HTTP 500 and 429, responses too slow
/// for the client's timeout, dropped connections and truncated bodies. eth_getLogs over more than
/// <see cref="MaxLogRange"/> blocks is always refused with a 'too many results' error; a non-null
/// <see cref="PermanentLogsError"/> answers every eth_getLogs with that JSON-RPC error instead.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    public enum Fault { None, Http500, Http429, Timeout, Drop, Truncate, TooManyResults }

    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly Uri _node;
    private readonly Random _random;
    private readonly double _faultRate;
    private readonly Task _loop;
    private readonly Dictionary<Fault, int> _counts = [];

    public FaultProxy(Uri node, int seed, double faultRate, long maxLogRange = long.MaxValue)
    {
        _node = node;
        _random = new Random(seed);
        _faultRate = faultRate;
        MaxLogRange = maxLogRange;
        var port = LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

    public long MaxLogRange { get; }

    public TimeSpan SlowResponse { get; init; } = TimeSpan.FromSeconds(1.5);

    public (int Code, string Message)? PermanentLogsError { get; set; }

    public int Count(Fault fault) { lock (_counts) return _counts.GetValueOrDefault(fault); }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var (method, id, range) = Describe(body);
            if (method == "eth_getLogs" && PermanentLogsError is { } error) { await ErrorAsync(context, id, error.Code, error.Message); return; }
            if (method == "eth_getLogs" && range > MaxLogRange)
            {
                Record(Fault.TooManyResults);
                await ErrorAsync(context, id, -32005, "query returned more than 10000 results");
                return;
            }
            var fault = Pick();
            Record(fault);
            switch (fault)
            {
                case Fault.Http500: await StatusAsync(context, 500, "internal error"); return;
                case Fault.Http429: await StatusAsync(context, 429, "slow down"); return;
                case Fault.Drop: context.Response.Abort(); return;
                case Fault.Timeout: await Task.Delay(SlowResponse); break;
            }
            using var response = await _upstream.PostAsync(_node, new StringContent(body, Encoding.UTF8, "application/json"));
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (fault == Fault.Truncate) bytes = bytes[..(bytes.Length / 2)];
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException or HttpRequestException)
        {
            // The client gave up (timeout) or the proxy is closing: nothing to answer.
        }
    }

    private Fault Pick()
    {
        lock (_random)
        {
            if (_random.NextDouble() >= _faultRate) return Fault.None;
            return (Fault)_random.Next(1, 6);
        }
    }

    private void Record(Fault fault) { lock (_counts) _counts[fault] = _counts.GetValueOrDefault(fault) + 1; }

    private static (string? Method, JsonElement? Id, long Range) Describe(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object) return (null, null, 0);
        var method = root.GetProperty("method").GetString();
        var id = root.GetProperty("id").Clone();
        if (method != "eth_getLogs") return (method, id, 0);
        var filter = root.GetProperty("params")[0];
        long Block(string name) => Convert.ToInt64(filter.GetProperty(name).GetString(), 16);
        return (method, id, Block("toBlock") - Block("fromBlock") + 1);
    }

    private static async Task ErrorAsync(HttpListenerContext context, JsonElement? id, int code, string message)
    {
        var json = $"{{\"jsonrpc\":\"2.0\",\"id\":{id?.GetRawText() ?? "null"},\"error\":{{\"code\":{code},\"message\":\"{message}\"}}}}";
        var bytes = Encoding.UTF8.GetBytes(json);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static async Task StatusAsync(HttpListenerContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(text));
        context.Response.Close();
    }


    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
        _upstream.Dispose();
    }
}
