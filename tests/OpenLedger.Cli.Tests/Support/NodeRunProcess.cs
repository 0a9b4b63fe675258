using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.TestSupport;

namespace OpenLedger.Cli.Tests.Support;

/// <summary>
/// `openledger node run` through the entry point, in this process, on a free loopback port: started and waited for,
/// then stopped on dispose, where it must end with exit code 0. What the fixtures that need a node host share.
/// </summary>
public sealed class NodeRunProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task<CliRun>? _run;

    /// <summary>Where it listens; null until <see cref="StartAsync"/> picks a free port (just before starting, so nothing else takes it).</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts the run <paramref name="start"/> makes (given the URL to listen on and the stop token) and waits until it answers /status.</summary>
    public async Task StartAsync(Func<string, CancellationToken, Task<CliRun>> start)
    {
        Url = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}");
        _run = start(Url.ToString().TrimEnd('/'), _stop.Token);
        using var http = new HttpClient();
        for (var i = 0; i < 600; i++)
        {
            if (_run.IsCompleted) throw new InvalidOperationException($"node run exited: {await _run}");
            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/status"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(100);
        }
        throw new TimeoutException("node run did not answer /status within 60 s");
    }

    /// <summary>Waits (bounded) until the node's index has caught up with the chain head.</summary>
    public async Task WaitForIndexAsync(JsonRpcClient rpc) =>
        await new NodeApi(Url).WaitForBlockAsync(await rpc.GetBlockNumberAsync(), TimeSpan.FromSeconds(60), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            var run = await _run;
            Assert.True(run.ExitCode == 0, $"node run ended badly: {run}");
        }
        _stop.Dispose();
    }

}
