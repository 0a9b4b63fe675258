using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Evidence for the contribution-level methods measured by retraining (<see cref="RetrainingGame"/>), in the formats
/// the engine parses (docs/performance-report.md). Sampled evidence is drawn from <c>seed</c> exactly as the parser
/// redraws it (<see cref="TmcShapleySampler.Draw"/>, <see cref="BanzhafSampler.Draw"/>); the coalitions are trained in
/// parallel, but every utility depends only on its coalition, so the evidence is the same bytes whatever the
/// parallelism or the machine.
/// </summary>
public static class RetrainingEvidence
{
    /// <summary>The methods this builds evidence for.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["tmc-shapley", "banzhaf", "loo", "exact-shapley"];

    public static AttributionSpec Build(string method, RetrainingGame game, ulong seed, RetrainingOptions options) => method switch
    {
        "tmc-shapley" => new AttributionSpec(method, TmcShapley(game, seed, options)),
        "banzhaf" => new AttributionSpec(method, Banzhaf(game, seed, options)),
        "loo" => new AttributionSpec(method, LeaveOneOut(game, options)),
        "exact-shapley" => new AttributionSpec(method, ExactShapley(game, options)),
        _ => throw new AttributionException($"Retraining evidence supports the methods {string.Join(", ", Methods)}, not '{method}'"),
    };

    /// <summary>
    /// Budget / players permutations (a permutation evaluates at most one coalition per player), each walked in order
    /// until its prefix is within the tolerance of the full utility. Permutations run in parallel.
    /// </summary>
    public static TmcShapleyEvidence TmcShapley(RetrainingGame game, ulong seed, RetrainingOptions options)
    {
        options.Validate();
        var players = game.Players;
        var permutations = options.Budget / players.Count;
        if (permutations < 1)
            throw new AttributionException($"tmc-shapley over {players.Count} contributions needs a budget of at least {players.Count} coalitions (one permutation) but the budget is {options.Budget}");
        var planned = permutations * players.Count + 1;
        var progress = new Counter(planned, options.Progress);
        var full = game.Utility(players);
        progress.Add(1);
        var orders = TmcShapleySampler.Draw(players.Count, seed).Take(permutations).Select(o => o.Select(i => players[i]).ToArray()).ToArray();
        var samples = new PermutationSample[permutations];
        Parallel.For(0, permutations, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, p =>
        {
            var utilities = new List<double>();
            for (var j = 0; j < orders[p].Length; j++)
            {
                var u = game.Utility(orders[p][..(j + 1)]);
                utilities.Add(u);
                progress.Add(1);
                if (TmcShapleyEvidence.WithinTolerance(u, full, options.Tolerance))
                {
                    progress.Add(orders[p].Length - j - 1); // truncated: the rest is not evaluated
                    break;
                }
            }
            samples[p] = new PermutationSample(orders[p], utilities);
        });
        return new TmcShapleyEvidence(game.EmptyUtility, full, options.Tolerance, seed, samples);
    }

    /// <summary>Budget coalitions drawn from the seed, each player inside with probability ½; maximum sample reuse.</summary>
    public static BanzhafEvidence Banzhaf(RetrainingGame game, ulong seed, RetrainingOptions options)
    {
        options.Validate();
        var players = game.Players;
        if (options.Budget < 2) throw new AttributionException($"banzhaf needs a budget of at least 2 coalitions but the budget is {options.Budget}");
        var coalitions = BanzhafSampler.Draw(players.Count, seed).Take(options.Budget)
            .Select(inside => players.Where((_, i) => inside[i]).ToArray()).ToArray();
        for (var i = 0; i < players.Count; i++)
        {
            var inside = coalitions.Count(c => c.Contains(players[i]));
            if (inside == 0 || inside == coalitions.Length)
                throw new AttributionException($"banzhaf with a budget of {options.Budget} coalitions leaves contribution {players[i]} " +
                    $"{(inside == 0 ? "outside" : "inside")} every one, so its value cannot be estimated: raise the budget");
        }
        var utilities = Evaluate(game, coalitions, options);
        return new BanzhafEvidence(players, seed, coalitions.Select((c, i) => new CoalitionUtility(c, utilities[i])).ToArray());
    }

    /// <summary>The full coalition and each contribution left out: players + 1 coalitions.</summary>
    public static LeaveOneOutEvidence LeaveOneOut(RetrainingGame game, RetrainingOptions options)
    {
        options.Validate();
        var players = game.Players;
        if (options.Budget < players.Count + 1)
            throw new AttributionException($"loo over {players.Count} contributions needs a budget of {players.Count + 1} coalitions but the budget is {options.Budget}");
        var coalitions = new[] { players.ToArray() }.Concat(players.Select(id => players.Where(p => p != id).ToArray())).ToArray();
        var utilities = Evaluate(game, coalitions, options);
        return new LeaveOneOutEvidence(utilities[0], players.Select((id, i) => (id, utilities[i + 1])).ToArray());
    }

    /// <summary>All 2^n coalitions (at most <see cref="Attribution.Methods.ExactShapley.MaxPlayers"/> players).</summary>
    public static ExactShapleyEvidence ExactShapley(RetrainingGame game, RetrainingOptions options)
    {
        options.Validate();
        var players = game.Players;
        if (players.Count > Attribution.Methods.ExactShapley.MaxPlayers)
            throw new AttributionException($"exact-shapley supports at most {Attribution.Methods.ExactShapley.MaxPlayers} contributions but there are {players.Count}");
        var count = 1 << players.Count;
        if (options.Budget < count)
            throw new AttributionException($"exact-shapley over {players.Count} contributions needs a budget of 2^{players.Count} = {count} coalitions but the budget is {options.Budget}");
        var coalitions = Enumerable.Range(0, count).Select(mask => players.Where((_, i) => (mask >> i & 1) != 0).ToArray()).ToArray();
        var utilities = Evaluate(game, coalitions, options);
        return new ExactShapleyEvidence(coalitions.Select((c, i) => new CoalitionUtility(c, utilities[i])).ToArray());
    }

    private static double[] Evaluate(RetrainingGame game, BigInteger[][] coalitions, RetrainingOptions options)
    {
        var utilities = new double[coalitions.Length];
        var progress = new Counter(coalitions.Length, options.Progress);
        Parallel.For(0, coalitions.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, i =>
        {
            utilities[i] = game.Utility(coalitions[i]);
            progress.Add(1);
        });
        return utilities;
    }

    /// <summary>Evaluations so far out of those planned, reported from whichever thread finished one.</summary>
    private sealed class Counter(int planned, Action<int, int>? report)
    {
        private int _done;

        public void Add(int n)
        {
            if (n == 0) return;
            var done = Interlocked.Add(ref _done, n);
            report?.Invoke(done, planned);
        }
    }
}
