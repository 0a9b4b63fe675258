using System.CommandLine;
using System.Globalization;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Evidence;
using OpenLedger.Training.Models;
using Spectre.Console;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// report logreg / report fasttree: the performance report of a real model class (ML.NET, src/OpenLedger.Training/
/// Models) trained on the registered contributions' files and scored on the held-out split, valued by a
/// contribution-level method whose coalition utilities are measured by retraining (tmc-shapley, banzhaf, loo,
/// exact-shapley), within --budget coalitions, --parallelism at a time, or for logreg by influence functions (one
/// training, emitted as scores). Same inputs as report knn; a progress bar on stderr when a terminal is attached. Once the
/// evaluation set is sealed it measures its own precision as report knn does, with this model class retrained on the
/// subsets the sealing block's hash draws (src/OpenLedger.Training/Precision/ModelPrecision.cs).
/// </summary>
public sealed class ReportModelCommand : ReportCommand
{
    private readonly string _modelClass;
    private readonly Option<string> _method;
    private readonly Option<int> _budget = Infrastructure.Options.Integer("--budget",
        "most coalitions evaluated (each one a training of the model): tmc-shapley walks budget / contributions permutations, banzhaf draws budget coalitions; loo needs contributions + 1, exact-shapley 2^contributions",
        1, int.MaxValue, defaultValue: 500);
    private readonly Option<int> _parallelism = Infrastructure.Options.Integer("--parallelism", "most models trained at once (default: the processor count)",
        1, 256, defaultValue: Environment.ProcessorCount);
    private readonly Option<double> _tolerance = new("--tolerance")
    {
        Description = "tmc-shapley's relative truncation tolerance: a permutation stops once its prefix is this close to the full utility",
        DefaultValueFactory = _ => 0.01,
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t) && t >= 0) return t;
            r.AddError($"--tolerance expects a finite number ≥ 0 like 0.01 but got '{text}'");
            return 0;
        },
    };

    public ReportModelCommand(string modelClass, string description) : base(modelClass, description)
    {
        _modelClass = ModelClasses.Get(modelClass).Name;
        var methods = ModelReportBuilder.MethodsFor(_modelClass);
        _method = new Option<string>("--method")
        {
            Description = $"attribution method: {string.Join(", ", methods)} (default: the one the precision benchmark recommends for {modelClass}, docs/precision.md)",
            DefaultValueFactory = _ => RecommendedMethods.For(_modelClass),
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (methods.Contains(text)) return text;
                r.AddError($"--method expects one of {string.Join(", ", methods)} but got '{text}'");
                return "";
            },
        };
        foreach (var option in new Option[] { _method, _budget, _parallelism, _tolerance }) Options.Add(option);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var inputs = await ReadInputsAsync(context, ct);
        var commitmentBlock = await PrecisionBlockHashAsync(context, inputs, ct);
        var retrainings = 0;
        var gate = new object();
        var request = new ModelReportRequest(inputs.Model, inputs.Epoch, inputs.Test, inputs.Matching.Shards.Select(s => s.Shard).ToArray(),
            _modelClass, p.GetValue(_method)!, new RetrainingOptions(p.GetValue(_budget), p.GetValue(_parallelism), p.GetValue(_tolerance)),
            inputs.Rewards, inputs.Pool, commitmentBlock, p.GetValue(_precisionSubsets));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (path, bytes, report, distribution) = await WriteReportAsync(context, () => BuildWithProgress(context, request, n =>
        {
            lock (gate) retrainings = Math.Max(retrainings, n); // counts arrive from several training threads
        }), ct);
        await context.Console.Error.WriteLineAsync(
            $"{_modelClass}: {retrainings} coalition(s) trained for {request.Method} in {started.Elapsed.TotalSeconds:0.0} s");
        ReportKnnSummary.Write(context, new ReportKnnSummary(path, Keccak.Hash(bytes), report, null, inputs.Test.Count, inputs.Matching, distribution,
            _modelClass, retrainings));
        return ExitCodes.Ok;
    }

    /// <summary>Builds the report; on a terminal, with a progress bar over the planned coalitions on stderr (stdout stays the summary).</summary>
    private static string BuildWithProgress(CliContext context, ModelReportRequest request, Action<int> trained)
    {
        if (!context.Console.Interactive)
            return ModelReportBuilder.Build(request with { Options = request.Options with { Progress = null } }, trained);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Console.Error) });
        var json = "";
        console.Progress().Start(progress =>
        {
            var task = progress.AddTask($"training {request.ModelClass} on coalitions ({request.Method})");
            json = ModelReportBuilder.Build(request with
            {
                Options = request.Options with
                {
                    Progress = (done, planned) =>
                    {
                        task.MaxValue = planned;
                        task.Value = done;
                    },
                },
            }, trained);
        });
        return json;
    }
}
