using System.Globalization;
using System.Text;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// scikit-learn's dataset CSV: a header <c>rows,features,&lt;class names…&gt;</c>, then one line per row with the
/// feature values and, last, the integer label (an index into the class names). Reading is strict: the header's
/// counts must match the file, every value must be a finite number and every label a declared class, because a
/// silently skipped or misread row would change a contributor's content hash and the model alike.
/// </summary>
public static class SklearnCsv
{
    public static LabelledDataset Read(TextReader reader)
    {
        var header = reader.ReadLine() ?? throw new DatasetFormatException(1, "expected the header rows,features,<class names> but the input is empty");
        var (rows, features, classes) = ReadHeader(header);
        var values = new double[checked(rows * features)];
        var labels = new int[rows];
        var lineNumber = 1;
        for (var r = 0; r < rows; r++)
        {
            lineNumber++;
            var line = reader.ReadLine()
                ?? throw new DatasetFormatException(lineNumber, $"expected row {r + 1} of the {rows} the header declares but the input ends");
            ReadRow(line, lineNumber, features, classes, values.AsSpan(r * features, features), out labels[r]);
        }
        if (reader.ReadLine() is not null)
            throw new DatasetFormatException(lineNumber + 1, $"expected the end of the input after the {rows} rows the header declares but found another line");
        return new LabelledDataset(classes, features, values, labels);
    }

    public static LabelledDataset Parse(string text) => Read(new StringReader(text));

    /// <summary>
    /// The canonical text of a dataset: the header, then one line per row, values in their shortest round-trip form
    /// (invariant culture), LF line ends, a final LF. Reading it back gives the same dataset bit for bit.
    /// </summary>
    public static string Write(LabelledDataset dataset)
    {
        foreach (var name in dataset.ClassNames)
            if (!IsValidClassName(name)) throw new AttributionException($"Class name \"{name}\" cannot be written: it must be non-empty without commas, quotes or line breaks");
        var text = new StringBuilder();
        text.Append(dataset.Count.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(dataset.Features.ToString(CultureInfo.InvariantCulture));
        foreach (var name in dataset.ClassNames) text.Append(',').Append(name);
        text.Append('\n');
        for (var r = 0; r < dataset.Count; r++)
        {
            foreach (var v in dataset.Row(r)) text.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(',');
            text.Append(dataset.Labels[r].ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>UTF-8 bytes of <see cref="Write"/>: what a contributor stores and registers.</summary>
    public static byte[] ToBytes(LabelledDataset dataset) => Encoding.UTF8.GetBytes(Write(dataset));

    /// <summary>keccak-256 of <see cref="ToBytes"/>: the content hash of a shard, or of a test split.</summary>
    public static Hash32 ContentHash(LabelledDataset dataset) => Keccak.Hash(ToBytes(dataset));

    private static (int Rows, int Features, string[] Classes) ReadHeader(string header)
    {
        var fields = header.Split(',');
        if (fields.Length < 3)
            throw new DatasetFormatException(1, $"expected the header rows,features,<class names> (at least 3 fields) but found {fields.Length} field(s)");
        var rows = Count(fields[0], "row count", 0);
        var features = Count(fields[1], "feature count", 1);
        var classes = fields[2..];
        for (var i = 0; i < classes.Length; i++)
        {
            if (!IsValidClassName(classes[i]))
                throw new DatasetFormatException(1, $"class name {i} must be non-empty without quotes but is \"{classes[i]}\"");
            if (Array.IndexOf(classes, classes[i]) < i)
                throw new DatasetFormatException(1, $"class name \"{classes[i]}\" appears twice");
        }
        return (rows, features, classes);
    }

    private static int Count(string field, string what, int minimum)
    {
        if (field.Length == 0 || !field.All(char.IsAsciiDigit) || !int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw new DatasetFormatException(1, $"the {what} must be a non-negative integer but is \"{field}\"");
        if (n < minimum) throw new DatasetFormatException(1, $"the {what} must be at least {minimum} but is {n}");
        return n;
    }

    private static void ReadRow(string line, int lineNumber, int features, string[] classes, Span<double> values, out int label)
    {
        var fields = line.Split(',');
        if (fields.Length != features + 1)
            throw new DatasetFormatException(lineNumber, $"expected {features + 1} fields ({features} features and a label) but found {(line.Length == 0 ? 0 : fields.Length)}");
        for (var f = 0; f < features; f++)
        {
            // NumberStyles.Float also accepts "NaN", "Infinity" and overflows to infinity ("1e400"): all rejected by name.
            if (!double.TryParse(fields[f], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw new DatasetFormatException(lineNumber, $"feature {f + 1} must be a number but is \"{fields[f]}\"");
            if (!double.IsFinite(v))
                throw new DatasetFormatException(lineNumber, $"feature {f + 1} must be a finite number but is \"{fields[f]}\"");
            values[f] = v;
        }
        var text = fields[features];
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out label))
            throw new DatasetFormatException(lineNumber, $"the label must be an integer but is \"{text}\"");
        if (label < 0 || label >= classes.Length)
            throw new DatasetFormatException(lineNumber, $"the label must be a class between 0 and {classes.Length - 1} but is {label}");
    }

    private static bool IsValidClassName(string name) =>
        name.Length > 0 && !name.Any(c => c is ',' or '"' or '\r' or '\n') && !string.IsNullOrWhiteSpace(name);
}
