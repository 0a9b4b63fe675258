using OpenLedger.Attribution;

namespace OpenLedger.Training.Datasets;

/// <summary>A dataset file that does not follow scikit-learn's CSV format; <see cref="Line"/> is 1-based.</summary>
public sealed class DatasetFormatException : AttributionException
{
    public DatasetFormatException(int line, string problem) : base($"line {line}: {problem}")
    {
        Line = line;
        Problem = problem;
    }

    public int Line { get; }

    public string Problem { get; }
}
