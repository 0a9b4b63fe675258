namespace OpenLedger.LoadGen;

/// <summary>A kind of request; each concurrent worker gets its own state (its own random source, its own walk).</summary>
public interface IScenario
{
    string Name { get; }

    IScenarioWorker CreateWorker(int seed);
}
