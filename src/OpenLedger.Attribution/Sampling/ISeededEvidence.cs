namespace OpenLedger.Attribution.Sampling;

/// <summary>
/// Evidence drawn by a seeded sampler: the method's parser has checked that the sampled part (orders, coalitions) is
/// exactly what <see cref="Seed"/> draws, and <see cref="SamplingSeed.Check"/> checks that the seed is the report's.
/// </summary>
public interface ISeededEvidence
{
    ulong Seed { get; }
}
