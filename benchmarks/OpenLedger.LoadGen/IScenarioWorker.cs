namespace OpenLedger.LoadGen;

/// <summary>Sends one request and checks its answer; the latency covers the request and the whole body, not the checks.</summary>
public interface IScenarioWorker
{
    Task<RequestOutcome> SendAsync(HttpClient client);
}
