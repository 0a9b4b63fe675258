using System.IO.Compression;
using System.Text;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Arena.Data;

/// <summary>
/// The datasets the arena plays on, by name, read from the repository's <c>data/</c> folder (credits in
/// data/README.md). Digits is gzipped and, as scikit-learn ships it, has no header line: one is added so the strict
/// <see cref="SklearnCsv"/> reader checks it like the others.
/// </summary>
public static class ArenaDatasets
{
    private static readonly (string Name, string File)[] Files =
    [
        ("wine", "wine_data.csv"),
        ("breast-cancer", "breast_cancer.csv"),
        ("digits", "digits.csv.gz"),
    ];

    public static IReadOnlyList<string> Names { get; } = Files.Select(f => f.Name).ToArray();

    public static LabelledDataset Load(string dataDirectory, string name)
    {
        var file = Files.FirstOrDefault(f => f.Name == name).File
            ?? throw new ArenaException($"Unknown dataset '{name}'; expected one of {string.Join(", ", Names)}");
        var path = Path.Combine(dataDirectory, file);
        if (!File.Exists(path)) throw new ArenaException($"Dataset '{name}' needs {path}, which does not exist (is --data the repository's data folder?)");
        return file.EndsWith(".gz", StringComparison.Ordinal) ? ReadHeaderless(path, 64, 10) : SklearnCsv.Parse(File.ReadAllText(path));
    }

    /// <summary>A gzipped CSV of <paramref name="features"/> numbers and a label 0..classes−1 per line, without header.</summary>
    private static LabelledDataset ReadHeaderless(string path, int features, int classes)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = $"{lines.Length},{features},{string.Join(",", Enumerable.Range(0, classes))}";
        return SklearnCsv.Parse(header + "\n" + string.Join("\n", lines) + "\n");
    }
}
