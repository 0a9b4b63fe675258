using OpenLedger.Training.Datasets;
namespace OpenLedger.Training.Models;

/// <summary>
/// A model class whose retraining measures a coalition's utility: train on <c>train</c>, report the accuracy on
/// <c>evaluation</c>. Implementations are deterministic for a given seed (single-threaded trainers, a seeded
/// <c>MLContext</c>), so the same coalition gives the same utility in every process, which is what lets a verifier
/// re-measure a report's utilities.
/// </summary>
public interface IModelClass
{
    /// <summary>The name used on the command line and in benchmarks (<c>logreg</c>, <c>fasttree</c>).</summary>
    string Name { get; }

    /// <summary>The fraction of <paramref name="evaluation"/> rows the model trained on <paramref name="train"/> labels correctly.</summary>
    double Utility(LabelledDataset train, LabelledDataset evaluation, ulong seed);
}
