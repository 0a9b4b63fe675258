namespace OpenLedger.LoadGen;

/// <summary>One request: its latency in Stopwatch ticks and, when the answer was wrong, why.</summary>
public readonly record struct RequestOutcome(long ElapsedTicks, string? Failure)
{
    public bool Ok => Failure is null;
}
