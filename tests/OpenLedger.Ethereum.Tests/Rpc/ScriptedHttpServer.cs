using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OpenLedger.Ethereum.Tests.Rpc;

/// <summary>What the scripted server does with one request.</summary>
internal sealed record ServerReply(int Status, string Body, ServerReply.Fault Kind = ServerReply.Fault.None, string Headers = "")
{
    public enum Fault { None, Drop, Truncate, Hang }

    /// <summary>A JSON-RPC answer whose "id" echoes the request's.</summary>
    public static Func<JsonNode, ServerReply> Result(string resultJson) =>
        request => new(200, $$"""{"jsonrpc":"2.0","id":{{request["id"]!.ToJsonString()}},"result":{{resultJson}}}""");

    public static Func<JsonNode, ServerReply> Error(string errorJson) =>
        request => new(200, $$"""{"jsonrpc":"2.0","id":{{request["id"]!.ToJsonString()}},"error":{{errorJson}}}""");

    public static Func<JsonNode, ServerReply> Raw(int status, string body, Fault kind = Fault.None, string headers = "") => _ => new(status, body, kind, headers);
}

/// <summary>
/// A raw-socket HTTP/1.1 server on a free 127.0.0.1 port that answers each request with the next scripted reply,
/// including the faults a real node or proxy produces: dropped connections, cut-off bodies, silence.
/// It stands in for the network, not for our storage or chain.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<Func<JsonNode, ServerReply>> _script;
    private readonly CancellationTokenSource _stop = new();

    public ScriptedHttpServer(params Func<JsonNode, ServerReply>[] script)
    {
        _script = new(script);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = Task.Run(AcceptLoop);
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var body = await ReadRequest(stream);
        if (body is null) return;
        Requests.Enqueue(body);
        var step = _script.TryDequeue(out var next) ? next : ServerReply.Raw(500, "script exhausted");
        var reply = step(JsonNode.Parse(body)!);
        switch (reply.Kind)
        {
            case ServerReply.Fault.Drop:
                client.Client.LingerState = new LingerOption(true, 0); // RST, like a crashed proxy
                return;
            case ServerReply.Fault.Hang:
                try { await Task.Delay(Timeout.Infinite, _stop.Token); } catch (OperationCanceledException) { }
                return;
        }
        var bytes = Encoding.UTF8.GetBytes(reply.Body);
        var length = reply.Kind == ServerReply.Fault.Truncate ? bytes.Length * 2 : bytes.Length;
        var head = $"HTTP/1.1 {reply.Status} Status\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n{reply.Headers}Connection: close\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
        }
        catch (IOException) { }
    }

    private static async Task<string?> ReadRequest(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var n = await stream.ReadAsync(chunk);
            if (n == 0) return null;
            buffer.AddRange(chunk.AsSpan(0, n));
        }
        var headers = Encoding.ASCII.GetString(buffer.ToArray(), 0, headerEnd);
        var lengthLine = headers.Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim());
        while (buffer.Count < headerEnd + 4 + length)
        {
            var n = await stream.ReadAsync(chunk);
            if (n == 0) return null;
            buffer.AddRange(chunk.AsSpan(0, n));
        }
        return Encoding.UTF8.GetString(buffer.ToArray(), headerEnd + 4, length);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') return i;
        return -1;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
