namespace OpenLedger.Attribution.Methods;

/// <summary>Estimated values per player with their standard errors (NaN when a player has too few samples).</summary>
public sealed record SampledValues(double[] Values, double[] StandardErrors);
