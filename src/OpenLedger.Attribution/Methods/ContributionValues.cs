using System.Numerics;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// A method's output: value per contribution id and, for sampled methods, its standard error; item-level methods
/// that screen items also say what they found in each contribution's items, and efficient methods the utilities of
/// all credited data and of none, which their values add up to the difference of.
/// </summary>
public sealed record ContributionValues(
    IReadOnlyDictionary<BigInteger, double> Values,
    IReadOnlyDictionary<BigInteger, double>? StandardErrors = null,
    IReadOnlyDictionary<BigInteger, ItemSummary>? Items = null,
    NeighbourCreditResult? Utilities = null)
{
    public static ContributionValues From(IReadOnlyList<BigInteger> players, double[] values, double[]? errors = null)
    {
        var v = new Dictionary<BigInteger, double>(players.Count);
        var e = errors is null ? null : new Dictionary<BigInteger, double>(players.Count);
        for (var i = 0; i < players.Count; i++)
        {
            v[players[i]] = values[i];
            if (e is not null) e[players[i]] = errors![i];
        }
        return new ContributionValues(v, e);
    }
}
