using System.Collections.Concurrent;
using System.Numerics;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// The coalitional game of retraining: a coalition's utility is the accuracy on the evaluation set of
/// <see cref="Model"/> trained on the union of its contributions' rows (concatenated in ascending id order, so the
/// utility depends on the set, not on the visiting order), with the same training seed for every coalition. The empty
/// coalition trains nothing and is worth <see cref="EmptyUtility"/> (the report's baseline). Each coalition is
/// trained once (memoised, safe to call from several threads); <see cref="Retrainings"/> counts the trainings.
/// </summary>
public sealed class RetrainingGame
{
    private readonly Dictionary<BigInteger, LabelledDataset> _rows;
    private readonly LabelledDataset _evaluation;
    private readonly ulong _seed;
    private readonly ConcurrentDictionary<string, Lazy<double>> _memo = new();
    private int _retrainings;

    /// <remarks><c>retrained</c>: called after every training (from the training thread) with the number so far.</remarks>
    public RetrainingGame(IModelClass model, IReadOnlyList<(BigInteger Id, LabelledDataset Rows)> contributions, LabelledDataset evaluation,
        double emptyUtility, ulong seed, Action<int>? retrained = null)
    {
        if (contributions.Count == 0) throw new AttributionException("A retraining game needs at least 1 contribution but got none");
        if (!double.IsFinite(emptyUtility)) throw new AttributionException($"The empty coalition's utility must be a finite number but is {emptyUtility}");
        _rows = new Dictionary<BigInteger, LabelledDataset>();
        foreach (var (id, rows) in contributions)
            if (!_rows.TryAdd(id, rows)) throw new AttributionException($"Contribution {id} is listed twice in the retraining game");
        Model = model;
        Players = _rows.Keys.Order().ToArray();
        _evaluation = evaluation;
        EmptyUtility = emptyUtility;
        _seed = seed;
        Retrained = retrained;
    }

    public IModelClass Model { get; }

    /// <summary>The contributions, ascending.</summary>
    public IReadOnlyList<BigInteger> Players { get; }

    public double EmptyUtility { get; }

    /// <summary>The training seed of every coalition.</summary>
    public ulong Seed => _seed;

    /// <summary>The evaluation set every coalition's model is scored on.</summary>
    public LabelledDataset Evaluation => _evaluation;

    /// <summary>The rows of one player, as the game trains on them.</summary>
    public LabelledDataset RowsOf(BigInteger id) =>
        _rows.TryGetValue(id, out var rows) ? rows : throw new AttributionException($"Contribution {id} is not a player of this game");

    public int Retrainings => Volatile.Read(ref _retrainings);

    private Action<int>? Retrained { get; }

    public double Utility(IReadOnlyList<BigInteger> members)
    {
        if (members.Count == 0) return EmptyUtility;
        var ordered = members.Order().ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            if (!_rows.ContainsKey(ordered[i])) throw new AttributionException($"Contribution {ordered[i]} is not a player of this game");
            if (i > 0 && ordered[i] == ordered[i - 1]) throw new AttributionException($"Contribution {ordered[i]} is listed twice in one coalition");
        }
        var key = string.Join(",", ordered);
        // Lazy: two threads asking for the same coalition train it once.
        return _memo.GetOrAdd(key, _ => new Lazy<double>(() => Train(ordered))).Value;
    }

    private double Train(BigInteger[] ordered)
    {
        var utility = Model.Utility(LabelledDataset.Concat(ordered.Select(id => _rows[id]).ToArray()), _evaluation, _seed);
        var count = Interlocked.Increment(ref _retrainings);
        Retrained?.Invoke(count);
        return utility;
    }
}
