using OpenLedger.Training.Datasets;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>One contributor's dataset file as read from disk: its rows and the keccak-256 of their canonical bytes.</summary>
public sealed record ShardFile(string Path, LabelledDataset Rows, Hash32 ContentHash)
{
    /// <summary>Every *.csv directly in <paramref name="directory"/>, in ordinal name order, parsed strictly.</summary>
    public static IReadOnlyList<ShardFile> ReadAll(DirectoryInfo directory)
    {
        if (!directory.Exists) throw new CliException($"the data directory {directory.FullName} does not exist");
        var files = directory.GetFiles("*.csv").Select(f => f.FullName).Order(StringComparer.Ordinal).ToArray();
        return files.Select(path =>
        {
            var rows = ReadDataset(path, "dataset file");
            return new ShardFile(path, rows, SklearnCsv.ContentHash(rows));
        }).ToArray();
    }

    /// <summary>A scikit-learn CSV file; an unreadable or malformed one is a one-line refusal naming the file and line.</summary>
    public static LabelledDataset ReadDataset(string path, string what)
    {
        FilePaths.RequireNotFolder(path, $"the {what}");
        try
        {
            using var reader = new StreamReader(path);
            return SklearnCsv.Read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the {what} {path}: {e.Message}");
        }
        catch (DatasetFormatException e)
        {
            throw new CliException($"the {what} {path} is not a scikit-learn CSV: {e.Message}");
        }
    }
}
