namespace OpenLedger.Training.Models;

/// <summary>A trained softmax model: per class, its feature weights and its intercept.</summary>
public sealed record LogisticWeights(double[][] Weights, double[] Biases)
{
    public int Classes => Biases.Length;

    /// <summary>Class probabilities of one row (softmax of the class scores, shifted by the maximum for stability).</summary>
    public double[] Probabilities(ReadOnlySpan<double> row)
    {
        var scores = new double[Classes];
        for (var c = 0; c < Classes; c++)
        {
            var s = Biases[c];
            for (var f = 0; f < row.Length; f++) s += Weights[c][f] * row[f];
            scores[c] = s;
        }
        var max = scores.Max();
        var sum = 0.0;
        for (var c = 0; c < Classes; c++) sum += scores[c] = Math.Exp(scores[c] - max);
        for (var c = 0; c < Classes; c++) scores[c] /= sum;
        return scores;
    }
}
