using System.Diagnostics;
using System.Globalization;

namespace OpenLedger.LoadGen;

/// <summary>The measured phase of one scenario: wall time, every request's latency, the failures.</summary>
public sealed class ScenarioResult(
    string name, int concurrency, TimeSpan wall, long[] latencyTicks, int errors, string? firstError, string? note)
{
    private readonly long[] _sorted = [.. latencyTicks.Order()];

    public int Errors => errors;

    public double RequestsPerSecond => latencyTicks.Length / wall.TotalSeconds;

    /// <summary>Nearest-rank percentile in milliseconds.</summary>
    public double PercentileMs(double p)
    {
        var rank = (int)Math.Ceiling(p / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {latencyTicks.Length:N0} | {concurrency} | {RequestsPerSecond:N0} | {PercentileMs(50):0.00} | {PercentileMs(99):0.00} | {PercentileMs(100):0.00} | {errors} |");

    public string Summary()
    {
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{latencyTicks.Length} requests in {wall.TotalSeconds:0.00} s, {RequestsPerSecond:N0} req/s, p50 {PercentileMs(50):0.00} ms, p90 {PercentileMs(90):0.00} ms, p99 {PercentileMs(99):0.00} ms, {errors} errors");
        return figures + (firstError is null ? "" : $" (first: {firstError})") + (note is null ? "" : $"; {note}");
    }
}
