using System.Net;
using System.Text.Json;

namespace OpenLedger.LoadGen;

/// <summary>
/// A random contributor's /accounts/{address}/contributions walked page by page with the keyset cursor (the
/// response's nextLink) to the last page, then the next random contributor. Every page is one measured request.
/// </summary>
public sealed class ContributorWalk(IReadOnlyList<string> contributors, int limit) : IScenario
{
    private readonly IReadOnlyList<string> _contributors = contributors;
    private readonly int _limit = limit;
    private long _walksFinished;

    public string Name => $"GET /accounts/{{address}}/contributions?limit={_limit} (cursor walk)";

    public long WalksFinished => Interlocked.Read(ref _walksFinished);

    public IScenarioWorker CreateWorker(int seed) => new Worker(this, new Random(seed));

    private sealed class Worker(ContributorWalk scenario, Random random) : IScenarioWorker
    {
        private string? _contributor;
        private string? _next;

        public async Task<RequestOutcome> SendAsync(HttpClient client)
        {
            if (_next is null)
            {
                _contributor = scenario._contributors[random.Next(scenario._contributors.Count)];
                _next = $"/accounts/{_contributor}/contributions?limit={scenario._limit}";
            }
            var path = _next;
            var (status, body, ticks) = await TimedGet.SendAsync(client, path);
            _next = null;
            if (status != HttpStatusCode.OK) return new RequestOutcome(ticks, $"{path} answered {(int)status}, expected 200");
            using var page = JsonDocument.Parse(body);
            var items = page.RootElement.GetProperty("items");
            var count = items.GetArrayLength();
            if (count is 0 || count > scenario._limit)
                return new RequestOutcome(ticks, $"{path} answered {count} items, expected 1 to {scenario._limit}");
            foreach (var item in items.EnumerateArray())
                if (item.GetProperty("contributor").GetString() != _contributor)
                    return new RequestOutcome(ticks, $"{path} listed a contribution of {item.GetProperty("contributor")}, expected only {_contributor}");
            _next = page.RootElement.GetProperty("nextLink").GetString();
            if (_next is null) Interlocked.Increment(ref scenario._walksFinished);
            return new RequestOutcome(ticks, null);
        }
    }
}
