using OpenLedger.Training.Datasets;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Tests.Datasets;

public class SklearnCsvTests
{
    [Fact]
    public void Wine_has_178_rows_of_13_features_in_three_classes()
    {
        var wine = DataFiles.Wine();
        Assert.Equal(178, wine.Count);
        Assert.Equal(13, wine.Features);
        Assert.Equal(["class_0", "class_1", "class_2"], wine.ClassNames);
        Assert.Equal([59, 71, 48], wine.ClassCounts());
        Assert.Equal([14.23, 1.71, 2.43, 15.6, 127, 2.8, 3.06, 0.28, 2.29, 5.64, 1.04, 3.92, 1065], wine.Row(0).ToArray());
        Assert.Equal([14.13, 4.1, 2.74, 24.5, 96, 2.05, 0.76, 0.56, 1.35, 9.2, 0.61, 1.6, 560], wine.Row(177).ToArray());
        Assert.Equal(2, wine.Labels[177]);
    }

    [Fact]
    public void Iris_has_150_rows_of_4_features_50_per_species()
    {
        var iris = DataFiles.Iris();
        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.Features);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames);
        Assert.Equal([50, 50, 50], iris.ClassCounts());
        Assert.Equal([5.1, 3.5, 1.4, 0.2], iris.Row(0).ToArray());
        Assert.Equal([5.9, 3.0, 5.1, 1.8], iris.Row(149).ToArray());
        Assert.Equal(0, iris.Labels[0]);
        Assert.Equal(2, iris.Labels[149]);
    }

    [Theory]
    [InlineData("wine")]
    [InlineData("iris")]
    public void Writing_and_reading_back_gives_the_same_rows_bit_for_bit(string name)
    {
        var dataset = name == "wine" ? DataFiles.Wine() : DataFiles.Iris();
        var text = SklearnCsv.Write(dataset);
        var back = SklearnCsv.Parse(text);
        Assert.Equal(dataset.ClassNames, back.ClassNames);
        Assert.Equal(dataset.Labels, back.Labels);
        Assert.Equal(dataset.Values.Select(BitConverter.DoubleToInt64Bits), back.Values.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(text, SklearnCsv.Write(back));
    }

    [Fact]
    public void Wine_written_canonically_is_the_original_file()
    {
        // The file's values are already in shortest form with LF line ends, so the canonical form is the file itself.
        Assert.Equal(DataFiles.WineText, SklearnCsv.Write(DataFiles.Wine()));
    }

    [Fact]
    public void The_canonical_form_uses_shortest_round_trip_numbers_lf_and_a_final_newline()
    {
        var dataset = new LabelledDataset(["no", "yes"], 2, [0.1, -2.5e-7, 3.0, 1e21], [1, 0]);
        Assert.Equal("2,2,no,yes\n0.1,-2.5E-07,1\n3,1E+21,0\n", SklearnCsv.Write(dataset));
        Assert.Equal(Keccak.Hash("2,2,no,yes\n0.1,-2.5E-07,1\n3,1E+21,0\n"), SklearnCsv.ContentHash(dataset));
    }

    [Fact]
    public void Windows_line_ends_are_read_like_unix_ones()
    {
        var dataset = SklearnCsv.Parse("2,1,a,b\r\n1.5,0\r\n2.5,1\r\n");
        Assert.Equal([1.5, 2.5], dataset.Values);
        Assert.Equal([0, 1], dataset.Labels);
    }

    [Theory]
    [InlineData("", 1, "expected the header rows,features,<class names> but the input is empty")]
    [InlineData("2,1\n1,0\n2,0\n", 1, "expected the header rows,features,<class names> (at least 3 fields) but found 2 field(s)")]
    [InlineData("x,1,a\n", 1, "the row count must be a non-negative integer but is \"x\"")]
    [InlineData("-1,1,a\n", 1, "the row count must be a non-negative integer but is \"-1\"")]
    [InlineData("1,0,a\n0\n", 1, "the feature count must be at least 1 but is 0")]
    [InlineData("1, 1,a\n1,0\n", 1, "the feature count must be a non-negative integer but is \" 1\"")]
    [InlineData("1,1,a,\n1,0\n", 1, "class name 1 must be non-empty without quotes but is \"\"")]
    [InlineData("1,1,a,\"b\"\n1,0\n", 1, "class name 1 must be non-empty without quotes but is \"\"b\"\"")]
    [InlineData("1,1,a,a\n1,0\n", 1, "class name \"a\" appears twice")]
    [InlineData("3,1,a\n1,0\n2,0\n", 4, "expected row 3 of the 3 the header declares but the input ends")]
    [InlineData("1,1,a\n1,0\n2,0\n", 3, "expected the end of the input after the 1 rows the header declares but found another line")]
    [InlineData("1,1,a\n1,0\n\n", 3, "expected the end of the input after the 1 rows the header declares but found another line")]
    [InlineData("2,2,a\n1,2,0\n1,0\n", 3, "expected 3 fields (2 features and a label) but found 2")]
    [InlineData("2,2,a\n1,2,0\n\n", 3, "expected 3 fields (2 features and a label) but found 0")]
    [InlineData("1,2,a\n1,2,3,0\n", 2, "expected 3 fields (2 features and a label) but found 4")]
    [InlineData("1,2,a\n1,,0\n", 2, "feature 2 must be a number but is \"\"")]
    [InlineData("1,2,a\n1,abc,0\n", 2, "feature 2 must be a number but is \"abc\"")]
    [InlineData("1,2,a\n1,1.2.3,0\n", 2, "feature 2 must be a number but is \"1.2.3\"")]
    [InlineData("1,2,a\nNaN,1,0\n", 2, "feature 1 must be a finite number but is \"NaN\"")]
    [InlineData("1,2,a\n1,-Infinity,0\n", 2, "feature 2 must be a finite number but is \"-Infinity\"")]
    [InlineData("1,2,a\n1e400,1,0\n", 2, "feature 1 must be a finite number but is \"1e400\"")]
    [InlineData("1,1,a,b\n1,2\n", 2, "the label must be a class between 0 and 1 but is 2")]
    [InlineData("1,1,a,b\n1,-1\n", 2, "the label must be a class between 0 and 1 but is -1")]
    [InlineData("1,1,a,b\n1,1.0\n", 2, "the label must be an integer but is \"1.0\"")]
    [InlineData("1,1,a,b\n1,\n", 2, "the label must be an integer but is \"\"")]
    [InlineData("1,1,a,b\n1,b\n", 2, "the label must be an integer but is \"b\"")]
    public void Malformed_input_is_rejected_naming_the_line_and_the_problem(string text, int line, string problem)
    {
        var e = Assert.Throws<DatasetFormatException>(() => SklearnCsv.Parse(text));
        Assert.Equal(line, e.Line);
        Assert.Equal(problem, e.Problem);
        Assert.Equal($"line {line}: {problem}", e.Message);
        Assert.IsAssignableFrom<AttributionException>(e);
    }

    [Fact]
    public void A_wine_file_missing_its_last_row_is_rejected()
    {
        var truncated = DataFiles.WineText[..DataFiles.WineText.TrimEnd('\n').LastIndexOf('\n')];
        var e = Assert.Throws<DatasetFormatException>(() => SklearnCsv.Parse(truncated));
        Assert.Equal(179, e.Line);
        Assert.Equal("expected row 178 of the 178 the header declares but the input ends", e.Problem);
    }

    [Fact]
    public void A_class_name_that_cannot_be_written_is_rejected()
    {
        var dataset = new LabelledDataset(["a,b"], 1, [1.0], [0]);
        var e = Assert.Throws<AttributionException>(() => SklearnCsv.Write(dataset));
        Assert.Equal("Class name \"a,b\" cannot be written: it must be non-empty without commas, quotes or line breaks", e.Message);
    }
}
