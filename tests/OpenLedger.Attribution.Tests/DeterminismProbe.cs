using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Tests;

/// <summary>
/// The test assembly's entry point (the test SDK's generated one is switched off): with
/// <c>distribute &lt;report.json&gt;</c> it prints the distribution's Merkle root and content hash, so a test can
/// recompute a distribution in a separate process and compare. The test runner never calls it.
/// </summary>
public static class DeterminismProbe
{
    public static int Main(string[] args)
    {
        if (args is not ["distribute", var path])
        {
            Console.Error.WriteLine("usage: OpenLedger.Attribution.Tests distribute <report.json>");
            return 2;
        }
        var distribution = AttributionEngine.Distribute(PerformanceReportParser.Parse(File.ReadAllText(path)));
        Console.WriteLine($"{distribution.MerkleRoot} {distribution.ContentHash()}");
        return 0;
    }
}
