namespace OpenLedger.Attribution.Reports;

/// <summary>One reason a report was rejected: the JSON path of the offending value and what is wrong with it.</summary>
public readonly record struct ReportProblem(string Path, string Problem)
{
    public override string ToString() => Path.Length == 0 ? Problem : $"{Path}: {Problem}";
}
