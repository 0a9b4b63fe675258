using System.Numerics;

namespace OpenLedger.Arena.Play;

/// <summary>
/// How the arena plays: the board's seed, K of the k-NN model (and of the item-level methods), the number of honest
/// contributors, and the sampling effort of the contribution-level methods.
/// </summary>
public sealed record ArenaSettings(
    ulong Seed = 14,
    int K = 5,
    int HonestContributors = 5,
    int TmcPermutations = 200,
    double TmcTolerance = 0.01,
    int BanzhafSamples = 1000,
    int ExactMaxContributions = 12)
{
    public static readonly BigInteger ModelId = 14;

    /// <summary>The epoch's OPEN: 1,000 OPEN in wei, so shares are exact to far below the board's precision.</summary>
    public static readonly BigInteger Open = BigInteger.Parse("1000000000000000000000");

    public static readonly BigInteger Shares = 1000;

    /// <summary>A quick board: fewer samples, for a smoke test of seconds.</summary>
    public static ArenaSettings Quick(ulong seed) => new(seed, TmcPermutations: 40, BanzhafSamples: 200);
}
