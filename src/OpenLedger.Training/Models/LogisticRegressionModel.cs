using OpenLedger.Training.Datasets;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace OpenLedger.Training.Models;

/// <summary>
/// <c>logreg</c>: multiclass (softmax) logistic regression, ML.NET's L-BFGS maximum entropy trainer with an L2
/// penalty of <see cref="L2Regularization"/> and no L1, on one thread. Features are used as given: the report builder
/// z-scores them with the evaluation set's statistics first, which no contributor controls.
/// </summary>
public sealed class LogisticRegressionModel : IModelClass
{
    public const string ClassName = "logreg";

    /// <summary>ML.NET's default L2 weight for this trainer.</summary>
    public const float L2Regularization = 1f;

    public string Name => ClassName;

    public double Utility(LabelledDataset train, LabelledDataset evaluation, ulong seed)
    {
        MlNetData.CheckTraining(train, Name);
        MlNetData.CheckEvaluation(train, evaluation);
        if (MlNetData.SingleClass(train) is { } only) return (double)evaluation.Labels.Count(l => l == only) / evaluation.Count;
        var (ml, model) = Fit(train, seed);
        return MlNetData.Accuracy(MlNetData.PredictedLabels(model.Transform(MlNetData.ToDataView(ml, evaluation))), evaluation);
    }

    /// <summary>
    /// The trained weights: <c>Weights[c]</c> holds class c's feature weights, <c>Biases[c]</c> its intercept. A
    /// one-class training set is refused here: its softmax is degenerate, and gradient methods need a real model.
    /// </summary>
    public LogisticWeights Train(LabelledDataset train, ulong seed)
    {
        MlNetData.CheckTraining(train, Name);
        if (MlNetData.SingleClass(train) is { } only)
            throw new AttributionException($"The {Name} model needs at least 2 classes in its training set but every row has class {only} ({train.ClassNames[only]})");
        var (_, model) = Fit(train, seed);
        Microsoft.ML.Data.VBuffer<float>[] weights = [];
        model.Model.GetWeights(ref weights, out var classes);
        var biases = model.Model.GetBiases().ToArray();
        var result = new double[classes][];
        for (var c = 0; c < classes; c++)
        {
            result[c] = new double[train.Features];
            foreach (var (index, value) in weights[c].Items()) result[c][index] = value;
        }
        return new LogisticWeights(result, biases.Select(b => (double)b).ToArray());
    }

    private static (MLContext, Microsoft.ML.Data.MulticlassPredictionTransformer<MaximumEntropyModelParameters>) Fit(LabelledDataset train, ulong seed)
    {
        var ml = new MLContext(unchecked((int)seed));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = L2Regularization,
            NumberOfThreads = 1,
        });
        return (ml, trainer.Fit(MlNetData.ToDataView(ml, train)));
    }
}
