using System.Numerics;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// One sampled permutation: <paramref name="Utilities"/>[j] is the utility of the first j+1 contributions of
/// <paramref name="Order"/>; fewer utilities than contributions means the permutation was truncated.
/// </summary>
public sealed record PermutationSample(IReadOnlyList<BigInteger> Order, IReadOnlyList<double> Utilities);
