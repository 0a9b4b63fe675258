using OpenLedger.Training.Datasets;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace OpenLedger.Training.Models;

/// <summary>
/// Conversion between <see cref="LabelledDataset"/> and ML.NET's <see cref="IDataView"/>, and the checks every model
/// class applies first: at least one row, finite features, the same features and classes on both sides. A NaN would
/// otherwise train silently (ML.NET treats it as a missing value) and change a contributor's utility.
/// </summary>
internal static class MlNetData
{
    public static void CheckTraining(LabelledDataset train, string modelClass)
    {
        if (train.Count == 0)
            throw new AttributionException($"The {modelClass} model needs at least 1 labelled training row but the training set has none");
        CheckFinite(train, "training");
    }

    public static void CheckEvaluation(LabelledDataset train, LabelledDataset evaluation)
    {
        if (evaluation.Count == 0) throw new AttributionException("The evaluation set needs at least 1 labelled row but has none");
        if (evaluation.Features != train.Features || !evaluation.ClassNames.SequenceEqual(train.ClassNames))
            throw new AttributionException(
                $"The training set has {train.Features} features and classes [{string.Join(",", train.ClassNames)}] but the evaluation set has {evaluation.Features} and [{string.Join(",", evaluation.ClassNames)}]");
        CheckFinite(evaluation, "evaluation");
    }

    private static void CheckFinite(LabelledDataset dataset, string what)
    {
        for (var i = 0; i < dataset.Values.Length; i++)
            if (!double.IsFinite(dataset.Values[i]))
                throw new AttributionException(
                    $"Row {i / dataset.Features} of the {what} set has feature {i % dataset.Features + 1} = {dataset.Values[i]}: every feature must be a finite number");
    }

    public static IDataView ToDataView(MLContext ml, LabelledDataset dataset)
    {
        var rows = new ModelRow[dataset.Count];
        for (var r = 0; r < dataset.Count; r++)
        {
            var features = new float[dataset.Features];
            var row = dataset.Row(r);
            for (var f = 0; f < features.Length; f++) features[f] = (float)row[f];
            rows[r] = new ModelRow { Features = features, Label = (uint)dataset.Labels[r] };
        }
        var schema = SchemaDefinition.Create(typeof(ModelRow));
        schema[nameof(ModelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dataset.Features);
        schema[nameof(ModelRow.Label)].ColumnType = new KeyDataViewType(typeof(uint), dataset.ClassNames.Count);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>The predicted label (0-based) of every row of <paramref name="scored"/>, in row order (the key column is 1-based).</summary>
    public static int[] PredictedLabels(IDataView scored) =>
        scored.GetColumn<uint>("PredictedLabel").Select(key => (int)key - 1).ToArray();

    public static double Accuracy(IReadOnlyList<int> predicted, LabelledDataset evaluation)
    {
        var correct = 0;
        for (var i = 0; i < evaluation.Count; i++)
            if (predicted[i] == evaluation.Labels[i]) correct++;
        return (double)correct / evaluation.Count;
    }

    /// <summary>
    /// The only class of a training set that has one (a coalition of one-class shards): no trainer can separate
    /// classes it never saw, so the model is the constant predictor of that class. Null when there are several.
    /// </summary>
    public static int? SingleClass(LabelledDataset train)
    {
        var first = train.Labels[0];
        return train.Labels.All(l => l == first) ? first : null;
    }
}
