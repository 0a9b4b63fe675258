using System.Numerics;

namespace OpenLedger.Attribution.Methods;

/// <summary>The utility of the model trained on exactly the contributions in <paramref name="Members"/>.</summary>
public sealed record CoalitionUtility(IReadOnlyList<BigInteger> Members, double Utility);
