using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;

namespace OpenLedger.Training.Evidence;

/// <summary>
/// Influence functions (Koh and Liang, 2017) for the <c>logreg</c> model class: the first-order change in the
/// evaluation set's mean cross-entropy when one training row is removed, from the ML.NET-trained weights θ and the
/// Hessian of the objective ML.NET minimises, Σᵢ ℓᵢ(θ) + (λ/2)‖W‖² (biases unpenalised; see
/// <see cref="LogisticRegressionModel"/>). Removing row z moves θ by about H⁻¹∇ℓ_z, so the evaluation loss changes by
/// about ∇L_eval·H⁻¹∇ℓ_z: one linear solve v = H⁻¹∇L_eval, then one dot product per row. A row's value is that change
/// (positive: the row lowers the evaluation loss, removing it hurts). No library exposes the Hessian of ML.NET's
/// model, so the gradients and the Hessian are written out here; the training is ML.NET's.
/// </summary>
public sealed class LogisticInfluence
{
    /// <summary>
    /// Added to the Hessian's bias diagonal: a softmax is unchanged when every class's bias moves by the same amount, so
    /// without a penalty on the biases the Hessian is singular along that direction. Every gradient is orthogonal to it
    /// (class probabilities and a one-hot label both sum to 1), so the values do not depend on this damping.
    /// </summary>
    public const double BiasDamping = 1e-6;

    private LogisticInfluence(LogisticWeights weights, double[] rowValues)
    {
        Weights = weights;
        RowValues = rowValues;
    }

    public LogisticWeights Weights { get; }

    /// <summary>Per training row, the predicted rise in the evaluation set's mean cross-entropy if the row were removed.</summary>
    public IReadOnlyList<double> RowValues { get; }

    public static LogisticInfluence Fit(LabelledDataset train, LabelledDataset evaluation, ulong seed)
    {
        var model = new LogisticRegressionModel();
        if (evaluation.Count == 0) throw new AttributionException("The evaluation set needs at least 1 labelled row but has none");
        var weights = model.Train(train, seed);
        if (weights.Classes != train.ClassNames.Count)
            throw new AttributionException($"The trained model has {weights.Classes} classes but the dataset declares {train.ClassNames.Count}");
        var size = weights.Classes * (train.Features + 1);
        var hessian = Hessian(weights, train, LogisticRegressionModel.L2Regularization);
        var evaluationGradient = new double[size];
        for (var r = 0; r < evaluation.Count; r++) AddGradient(weights, evaluation.Row(r), evaluation.Labels[r], 1.0 / evaluation.Count, evaluationGradient);
        var v = Cholesky.Solve(hessian, size, evaluationGradient);
        var values = new double[train.Count];
        var gradient = new double[size];
        for (var r = 0; r < train.Count; r++)
        {
            Array.Clear(gradient);
            AddGradient(weights, train.Row(r), train.Labels[r], 1.0, gradient);
            var dot = 0.0;
            for (var i = 0; i < size; i++) dot += v[i] * gradient[i];
            values[r] = dot;
        }
        return new LogisticInfluence(weights, values);
    }

    /// <summary>
    /// Adds scale·∇ℓ(row) to <paramref name="gradient"/>: for class c, (p_c − y_c)·(x, 1), laid out class by class
    /// with the bias last.
    /// </summary>
    public static void AddGradient(LogisticWeights weights, ReadOnlySpan<double> row, int label, double scale, double[] gradient)
    {
        var p = weights.Probabilities(row);
        var width = row.Length + 1;
        for (var c = 0; c < weights.Classes; c++)
        {
            var residual = scale * (p[c] - (c == label ? 1.0 : 0.0));
            for (var f = 0; f < row.Length; f++) gradient[c * width + f] += residual * row[f];
            gradient[c * width + row.Length] += residual;
        }
    }

    /// <summary>The mean cross-entropy of <paramref name="dataset"/> under <paramref name="weights"/>.</summary>
    public static double CrossEntropy(LogisticWeights weights, LabelledDataset dataset)
    {
        var sum = 0.0;
        for (var r = 0; r < dataset.Count; r++) sum -= Math.Log(weights.Probabilities(dataset.Row(r))[dataset.Labels[r]]);
        return sum / dataset.Count;
    }

    /// <summary>
    /// Σᵢ (diag(pᵢ) − pᵢpᵢᵀ) ⊗ x̃ᵢx̃ᵢᵀ + λ on the weights' diagonal + <see cref="BiasDamping"/> on the biases', where
    /// x̃ = (x, 1). Row-major, size (classes·(features + 1))²; the upper triangle of each class block pair is filled
    /// from the lower.
    /// </summary>
    public static double[] Hessian(LogisticWeights weights, LabelledDataset train, double l2)
    {
        var width = train.Features + 1;
        var k = weights.Classes;
        var size = k * width;
        var h = new double[size * size];
        var x = new double[width];
        for (var r = 0; r < train.Count; r++)
        {
            var row = train.Row(r);
            row.CopyTo(x);
            x[^1] = 1;
            var p = weights.Probabilities(row);
            for (var c = 0; c < k; c++)
                for (var c2 = 0; c2 <= c; c2++)
                {
                    var a = (c == c2 ? p[c] : 0) - p[c] * p[c2];
                    if (a == 0) continue;
                    for (var f = 0; f < width; f++)
                    {
                        var af = a * x[f];
                        var offset = (c * width + f) * size + c2 * width;
                        for (var f2 = 0; f2 < width; f2++) h[offset + f2] += af * x[f2];
                    }
                }
        }
        for (var i = 0; i < size; i++)
        {
            for (var j = i + 1; j < size; j++) h[i * size + j] = h[j * size + i];
            h[i * size + i] += i % width == width - 1 ? BiasDamping : l2;
        }
        return h;
    }
}
