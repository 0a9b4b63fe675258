using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace OpenLedger.Training.Tests.Models;

/// <summary>
/// Whether a retrained model class's utilities are the same in another process (what a verifier's
/// <c>epoch verify --recompute</c> relies on): 40 coalitions of Wine's shards trained here in parallel and by
/// <see cref="ModelDeterminismProbe"/> in a child process one at a time, compared to the bit. The measured result sets
/// <c>PrecisionRecompute.Tolerance</c>.
/// </summary>
public sealed class ModelDeterminismTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("logreg")]
    [InlineData("fasttree")]
    public async Task A_separate_process_retrains_every_coalition_to_the_same_utility_bits(string modelClass)
    {
        var local = ModelDeterminismProbe.Lines(modelClass, parallelism: Environment.ProcessorCount);
        var psi = new ProcessStartInfo("dotnet", [typeof(ModelDeterminismProbe).Assembly.Location, "utilities", modelClass])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, error);
        var remote = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(local.Length, remote.Length);
        var largest = 0.0;
        for (var i = 0; i < local.Length; i++)
            if (!local[i].StartsWith("weights", StringComparison.Ordinal))
                largest = Math.Max(largest, Math.Abs(Utility(local[i]) - Utility(remote[i])));
        output.WriteLine($"{modelClass}: {local.Length} lines, largest utility difference across processes {largest:R}");
        foreach (var line in local.Take(3).Concat(local.TakeLast(1))) output.WriteLine(line);
        Assert.Equal(local, remote);
    }

    private static double Utility(string line) => double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
}
