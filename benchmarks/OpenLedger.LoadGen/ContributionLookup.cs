using System.Net;
using System.Text;

namespace OpenLedger.LoadGen;

/// <summary>GET /contributions/{id} for ids drawn uniformly from every contribution of the model.</summary>
public sealed class ContributionLookup(IReadOnlyList<string> ids) : IScenario
{
    public string Name => "GET /contributions/{id} (random id)";

    public IScenarioWorker CreateWorker(int seed) => new Worker(ids, new Random(seed));

    private sealed class Worker(IReadOnlyList<string> ids, Random random) : IScenarioWorker
    {
        public async Task<RequestOutcome> SendAsync(HttpClient client)
        {
            var id = ids[random.Next(ids.Count)];
            var (status, body, ticks) = await TimedGet.SendAsync(client, $"/contributions/{id}");
            if (status != HttpStatusCode.OK) return new RequestOutcome(ticks, $"/contributions/{id} answered {(int)status}, expected 200");
            // The id appears in the body exactly as listed, so a wrong row cannot pass for a hit.
            return Encoding.UTF8.GetString(body).Contains(id, StringComparison.Ordinal)
                ? new RequestOutcome(ticks, null)
                : new RequestOutcome(ticks, $"/contributions/{id} answered 200 with a body that does not carry the id");
        }
    }
}
