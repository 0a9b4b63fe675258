using System.Diagnostics;

namespace OpenLedger.LoadGen;

/// <summary>
/// Runs a scenario with a fixed number of concurrent workers: first the warm-up requests (not recorded), then exactly
/// the measured request count, each worker claiming the next request number until none is left.
/// </summary>
public static class LoadRunner
{
    public static async Task<ScenarioResult> RunAsync(HttpClient client, IScenario scenario, LoadGenOptions options)
    {
        var workers = Enumerable.Range(0, options.Concurrency).Select(i => scenario.CreateWorker(options.Seed * 1000 + i)).ToArray();
        await RunPhaseAsync(client, workers, options.Warmup, null);

        var latencies = new long[options.Requests];
        var failures = new FailureLog();
        var watch = Stopwatch.StartNew();
        await RunPhaseAsync(client, workers, options.Requests, (n, outcome) =>
        {
            latencies[n] = outcome.ElapsedTicks;
            if (!outcome.Ok) failures.Add(outcome.Failure!);
        });
        watch.Stop();
        return new ScenarioResult(scenario.Name, options.Concurrency, watch.Elapsed, latencies, failures.Count, failures.First,
            scenario is ContributorWalk walk ? $"{walk.WalksFinished} walks finished" : null);
    }

    private static async Task RunPhaseAsync(HttpClient client, IScenarioWorker[] workers, int requests, Action<int, RequestOutcome>? record)
    {
        var next = -1;
        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < requests)
            {
                RequestOutcome outcome;
                try { outcome = await worker.SendAsync(client); }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    outcome = new RequestOutcome(0, $"{e.GetType().Name}: {e.Message}");
                }
                record?.Invoke(n, outcome);
            }
        })));
    }
}
