namespace OpenLedger.Attribution.Screening;

/// <summary>
/// Per-dimension spread (population standard deviation) of the evaluation set's embeddings. Every distance the
/// item-level defences measure is in these units, so the reporter's own scaling of the embeddings cannot move a
/// tolerance, and no contributor can either: the evaluation set is sealed on-chain before contributions close.
/// A dimension that is constant on the evaluation set keeps scale 1 rather than dividing by zero.
/// </summary>
public sealed class FeatureScale
{
    private readonly double[] _inverse;

    private FeatureScale(double[] inverse) => _inverse = inverse;

    public int Dimensions => _inverse.Length;

    /// <summary>The spread of each dimension of <paramref name="reference"/> (row-major, <paramref name="dimensions"/> per row).</summary>
    public static FeatureScale FromReference(ReadOnlySpan<double> reference, int dimensions)
    {
        if (dimensions < 1) throw new AttributionException($"Embeddings need at least 1 dimension but have {dimensions}");
        var rows = reference.Length / dimensions;
        if (rows == 0 || rows * dimensions != reference.Length)
            throw new AttributionException($"The reference set must hold whole rows of {dimensions} numbers but has {reference.Length}");
        var means = new double[dimensions];
        var squares = new double[dimensions];
        // Two passes in row order: the same bits on every machine.
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < dimensions; f++) means[f] += reference[r * dimensions + f];
        for (var f = 0; f < dimensions; f++) means[f] /= rows;
        for (var r = 0; r < rows; r++)
            for (var f = 0; f < dimensions; f++)
            {
                var diff = reference[r * dimensions + f] - means[f];
                squares[f] += diff * diff;
            }
        var inverse = new double[dimensions];
        for (var f = 0; f < dimensions; f++)
        {
            var sd = Math.Sqrt(squares[f] / rows);
            inverse[f] = sd > 0 ? 1.0 / sd : 1.0;
        }
        return new FeatureScale(inverse);
    }

    /// <summary>The rows divided by each dimension's spread: distances between the results are in spread units.</summary>
    public double[] Normalise(ReadOnlySpan<double> rows)
    {
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = rows[i] * _inverse[i % _inverse.Length];
        return result;
    }
}
