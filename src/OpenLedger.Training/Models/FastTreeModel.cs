using OpenLedger.Training.Datasets;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace OpenLedger.Training.Models;

/// <summary>
/// <c>fasttree</c>: a gradient-boosted tree ensemble, ML.NET's FastTree binary trainer one-versus-all over the classes,
/// <see cref="Trees"/> trees of at most <see cref="Leaves"/> leaves each, on one thread. Small on purpose: a coalition
/// utility retrains it hundreds of times.
/// </summary>
public sealed class FastTreeModel : IModelClass
{
    public const string ClassName = "fasttree";

    public const int Trees = 10;

    public const int Leaves = 8;

    public string Name => ClassName;

    public double Utility(LabelledDataset train, LabelledDataset evaluation, ulong seed)
    {
        MlNetData.CheckTraining(train, Name);
        MlNetData.CheckEvaluation(train, evaluation);
        if (MlNetData.SingleClass(train) is { } only) return (double)evaluation.Labels.Count(l => l == only) / evaluation.Count;
        var ml = new MLContext(unchecked((int)seed));
        var binary = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = 2,
            NumberOfThreads = 1,
            Seed = unchecked((int)seed),
        });
        var model = ml.MulticlassClassification.Trainers.OneVersusAll(binary).Fit(MlNetData.ToDataView(ml, train));
        return MlNetData.Accuracy(MlNetData.PredictedLabels(model.Transform(MlNetData.ToDataView(ml, evaluation))), evaluation);
    }
}
