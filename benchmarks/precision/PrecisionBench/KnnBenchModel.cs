using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;

namespace PrecisionBench;

/// <summary>
/// The model `report knn` describes, as a model class the benchmark retrains: the <see cref="KnnClassifier"/> with
/// K = 5 on a coalition's rows, scored by accuracy on the test split (no training randomness, so the seed is unused).
/// Here the k-NN methods are not proxies but the report's own model's attribution.
/// </summary>
public sealed class KnnBenchModel : IModelClass
{
    public const int K = 5;

    public string Name => "knn";

    public double Utility(LabelledDataset train, LabelledDataset evaluation, ulong seed) =>
        train.Count == 0 ? 0 : new KnnClassifier(train, K).Accuracy(evaluation);
}
