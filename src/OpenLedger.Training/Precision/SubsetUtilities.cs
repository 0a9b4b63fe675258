using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Datasets;
using OpenLedger.Training.Models;

namespace OpenLedger.Training.Precision;

/// <summary>
/// A verifier's subset utility for a report's precision section, picked by the model class the section names:
/// <c>knn(k=K)</c> (<see cref="KnnPrecision"/>) or a retrained class of <see cref="ModelClasses"/>
/// (<see cref="ModelPrecision"/>). Any other name is refused: the verifier cannot retrain what it does not know.
/// </summary>
public static class SubsetUtilities
{
    public static Func<IReadOnlyList<BigInteger>, double> For(PerformanceReport report, IReadOnlyList<ContributedShard> shards, LabelledDataset rawTest)
    {
        var section = report.Precision ?? throw new AttributionException("The report has no precision section to re-measure");
        if (KnnPrecision.IsKnnClass(section.ModelClass)) return KnnPrecision.UtilityFor(report, shards, rawTest).Measure;
        if (ModelClasses.All.ContainsKey(section.ModelClass)) return ModelPrecision.GameFor(report, shards, rawTest).Utility;
        throw new AttributionException($"The report's precision was measured with model class '{section.ModelClass}', which this verifier cannot " +
            $"retrain (it knows knn(k=K), {string.Join(", ", ModelClasses.All.Keys)})");
    }
}
