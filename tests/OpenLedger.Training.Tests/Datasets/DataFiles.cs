using OpenLedger.Training.Datasets;
using OpenLedger.TestSupport;

namespace OpenLedger.Training.Tests.Datasets;

/// <summary>The public datasets committed under data/ (see data/README.md for their source and licence).</summary>
internal static class DataFiles
{
    public static string WineText { get; } = File.ReadAllText(RepoPaths.Combine("data", "wine_data.csv"));

    public static string IrisText { get; } = File.ReadAllText(RepoPaths.Combine("data", "iris.csv"));

    public static LabelledDataset Wine() => SklearnCsv.Parse(WineText);

    public static LabelledDataset Iris() => SklearnCsv.Parse(IrisText);
}
