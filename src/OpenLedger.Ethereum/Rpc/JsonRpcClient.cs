using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// JSON-RPC 2.0 over HTTP. Each attempt has a timeout; transient failures (HTTP 429/500/502/503/504, dropped or
/// refused connections, timeouts, unreadable bodies) are retried with exponential backoff and jitter; error
/// objects from the node (whatever the HTTP status carrying them) and other HTTP statuses are not, because
/// sending the same request again gives the same answer. Typed methods are extension methods in <see cref="EthRpc"/> and <see cref="HardhatRpc"/>.
/// </summary>
public sealed partial class JsonRpcClient
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private readonly HttpClient _http;
    private readonly ResiliencePipeline _pipeline;
    private long _nextId;

    public JsonRpcClient(HttpClient http, Uri endpoint, JsonRpcClientOptions? options = null)
    {
        _http = http;
        Endpoint = endpoint;
        Options = options ?? new JsonRpcClientOptions();
        var builder = new ResiliencePipelineBuilder();
        if (Options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.IsTransient).Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = Options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Options.RetryBaseDelay,
                MaxDelay = Options.MaxRetryDelay,
                // A rate-limited provider says when to come back; asking sooner only earns another 429.
                DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is RpcException { RetryAfter: { } wait }
                    ? (wait < Options.MaxRetryDelay ? wait : Options.MaxRetryDelay) : null),
            });
        _pipeline = builder.AddTimeout(Options.RequestTimeout).Build();
    }

    public Uri Endpoint { get; }

    public JsonRpcClientOptions Options { get; }

    /// <summary>Calls <paramref name="method"/> and converts its result with <paramref name="read"/> while the response is in memory.</summary>
    public async Task<T> SendAsync<T>(string method, JsonArray? parameters, Func<JsonElement, T> read, CancellationToken cancellationToken = default)
    {
        var id = Interlocked.Increment(ref _nextId);
        var body = RequestBody(id, method, parameters);
        using var response = await PostAsync(method, body, cancellationToken).ConfigureAwait(false);
        var result = ReadEnvelope(response.Root, method, id);
        return Convert(method, result, read);
    }

    /// <summary>Calls <paramref name="method"/> and returns its raw result (a detached copy).</summary>
    public Task<JsonElement> SendAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default) =>
        SendAsync(method, parameters, e => e.Clone(), cancellationToken);

    /// <summary>
    /// Sends the requests as one batch. A node error for one request is returned in its <see cref="JsonRpcResult"/>;
    /// a failed transport or a malformed batch (missing, duplicate or unknown ids) throws.
    /// </summary>
    public async Task<IReadOnlyList<JsonRpcResult>> SendBatchAsync(IReadOnlyList<(string Method, JsonArray? Parameters)> requests,
        CancellationToken cancellationToken = default)
    {
        if (requests.Count == 0) return [];
        var firstId = Interlocked.Add(ref _nextId, requests.Count) - requests.Count + 1;
        var batch = new JsonArray();
        for (var i = 0; i < requests.Count; i++)
            batch.Add(RequestNode(firstId + i, requests[i].Method, requests[i].Parameters));
        var label = $"batch of {requests.Count} ({requests[0].Method}{(requests.Count > 1 ? ", ..." : "")})";
        using var response = await PostAsync(label, JsonSerializer.SerializeToUtf8Bytes(batch), cancellationToken).ConfigureAwait(false);
        return ReadBatch(response.Root, requests, firstId, label);
    }

    /// <summary>Sends the same method with each parameter list as one batch and converts every result; the first error is thrown.</summary>
    public async Task<IReadOnlyList<T>> SendBatchAsync<T>(string method, IReadOnlyList<JsonArray?> parameterLists, Func<JsonElement, T> read,
        CancellationToken cancellationToken = default)
    {
        var results = await SendBatchAsync([.. parameterLists.Select(p => (method, p))], cancellationToken).ConfigureAwait(false);
        var converted = new T[results.Count];
        for (var i = 0; i < converted.Length; i++) converted[i] = Convert(method, results[i].GetResult(), read);
        return converted;
    }

    private static T Convert<T>(string method, JsonElement result, Func<JsonElement, T> read)
    {
        try { return read(result); }
        catch (RpcException) { throw; }
        catch (Exception e) when (e is EthereumException or InvalidOperationException or FormatException or KeyNotFoundException or OverflowException)
        {
            throw new RpcException(method, $"malformed result: {e.Message} (result: {Snippet(result.GetRawText())})", inner: e);
        }
    }

    private static byte[] RequestBody(long id, string method, JsonArray? parameters) =>
        JsonSerializer.SerializeToUtf8Bytes(RequestNode(id, method, parameters));

    private static JsonObject RequestNode(long id, string method, JsonArray? parameters) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = parameters?.DeepClone() ?? new JsonArray(),
    };

    // One HTTP exchange inside the resilience pipeline; every transient failure becomes a transient RpcException.
    private async Task<ResponseDocument> PostAsync(string method, byte[] body, CancellationToken cancellationToken)
    {
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                return await AttemptAsync(method, body, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new RpcException(method, $"no response within {Options.RequestTimeout.TotalSeconds:0.###} s ({Attempts(attempts)})", isTransient: true, inner: e);
        }
        catch (RpcException e) when (e.IsTransient && attempts > 1)
        {
            throw new RpcException(method, $"{e.Detail} ({Attempts(attempts)})", e.Code, e.RevertData, true, e.HttpStatus, e) { RetryAfter = e.RetryAfter };
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? (date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero) : null);

    private static string Attempts(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private async Task<ResponseDocument> AttemptAsync(string method, byte[] body, CancellationToken token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = JsonMediaType;
        ResponseDocument response;
        HttpStatusCode status;
        try
        {
            // Headers first, then the body into a pooled buffer (ResponseDocument) instead of a fresh array per response.
            using var message = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            status = message.StatusCode;
            if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
                throw new RpcException(method, $"HTTP {(int)status} {message.ReasonPhrase} from {Endpoint}", isTransient: true, httpStatus: (int)status)
                {
                    RetryAfter = RetryAfter(message.Headers.RetryAfter),
                };
            response = await ResponseDocument.ReadAsync(message.Content, token).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException(method, $"request to {Endpoint} failed: {e.Message}", isTransient: true, inner: e);
        }
        catch (IOException e)
        {
            throw new RpcException(method, $"connection to {Endpoint} broke: {e.Message}", isTransient: true, inner: e);
        }
        catch (OperationCanceledException e) when (!token.IsCancellationRequested)
        {
            // HttpClient.Timeout fired, not our caller or the per-attempt timeout.
            throw new RpcException(method, $"HttpClient timed out waiting for {Endpoint}", isTransient: true, inner: e);
        }
        try
        {
            try { _ = response.Root; }
            catch (JsonException e)
            {
                // A 200 with a cut-off body is a dropped connection in disguise, a 500 a node or proxy failing for now;
                // other statuses with garbage are permanent.
                var transient = (int)status is >= 200 and < 300 || status == HttpStatusCode.InternalServerError;
                throw new RpcException(method, $"HTTP {(int)status} response is not valid JSON ({e.Message}): {Snippet(response.Bytes)}", isTransient: transient, httpStatus: (int)status, inner: e);
            }
            if ((int)status is < 200 or >= 300 && !IsErrorEnvelope(response.Root))
            {
                // Nodes and proxies answer 500 for failures of the moment (backend restarting, upstream lost); a 500
                // carrying a JSON-RPC error object is instead the node's answer (such as a revert) and is read as one.
                throw new RpcException(method, $"HTTP {(int)status} from {Endpoint}: {Snippet(response.Bytes)}",
                    isTransient: status == HttpStatusCode.InternalServerError, httpStatus: (int)status);
            }
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    internal static string Snippet(ReadOnlySpan<byte> bytes) => Snippet(System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 400)]));

    internal static string Snippet(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
