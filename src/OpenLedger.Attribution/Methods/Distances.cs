namespace OpenLedger.Attribution.Methods;

/// <summary>
/// The one distance every k-NN in the project uses (the methods, the classifier that builds reports, the arena's
/// coalition games): summed in feature order, so equal distances stay equal wherever they are computed and the
/// neighbour orders, and therefore the values, agree bit for bit.
/// </summary>
public static class Distances
{
    public static double SquaredEuclidean(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var diff = a[i] - b[i];
            sum += diff * diff;
        }
        return sum;
    }
}
