using System.CommandLine;
using System.Net;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// epoch submit: POSTs a performance report to the node's /reports, which checks it against the chain, attributes it
/// and posts the epoch. The bearer token is only ever read from an environment variable, so it never lands in shell
/// history or in the process list.
/// </summary>
public sealed class EpochSubmitCommand : VerbCommand
{
    private readonly Argument<FileInfo> _report = new("REPORT") { Description = "the performance report (JSON) to submit, sent byte for byte" };
    private readonly Option<string> _tokenEnv = new("--token-env")
    {
        Description = "environment variable holding the node's report token (Epochs:ApiToken)",
        Required = true,
    };

    public EpochSubmitCommand() : base("submit", "submit a performance report to the node, which posts the epoch (bearer token from an environment variable)")
    {
        Arguments.Add(_report);
        Options.Add(_tokenEnv);
        _tokenEnv.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>() ?? "";
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || char.IsAsciiDigit(name[0]))
                r.AddError("--token-env expects the name of an environment variable (letters, digits, _), not the token itself");
        });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var variable = p.GetValue(_tokenEnv)!;
        var token = context.Console.Environment(variable);
        // The name is not echoed: a token pasted in place of the variable's name must not end up in logs.
        if (string.IsNullOrEmpty(token)) throw new CliException("the environment variable named by --token-env is not set or is empty");
        var file = p.GetValue(_report)!;
        FilePaths.RequireNotFolder(file.FullName, "the report");
        byte[] bytes;
        try { bytes = await File.ReadAllBytesAsync(file.FullName, ct); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read the report {file.FullName}: {e.Message}");
        }

        await CheckMinimumPrecisionAsync(context, bytes, ct);
        var (status, body) = await context.Node().PostBytesAsync("reports", bytes, token, ct);
        var outcome = status == HttpStatusCode.Created ? "posted" : "already posted";
        string? Field(string name) => body[name]?.ToString();
        context.WriteResult(("outcome", outcome), ("model", Field("modelId")), ("epoch", Field("epoch")), ("status", Field("status")),
            ("root", Field("root")), ("total open", Field("totalOpen")), ("total shares", Field("totalShares")),
            ("report hash", Field("reportHash")), ("report uri", Field("reportUri")), ("transaction", Field("txHash")));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Refuses, before sending, a report below its model's minimum precision (the node would refuse it too). A report
    /// that does not parse, or a model the node does not know, is left to the node, whose answer lists every problem.
    /// </summary>
    private static async Task CheckMinimumPrecisionAsync(CliContext context, byte[] bytes, CancellationToken ct)
    {
        PerformanceReport report;
        try { report = PerformanceReportParser.Parse(bytes); }
        catch (ReportValidationException) { return; }
        var model = await context.Node().GetAsync($"models/{report.ModelId}", ct, allowMissing: true);
        var minimum = model?["model"]?["minPrecisionBps"]?.GetValue<int>() ?? 0;
        if (PrecisionPolicy.Check(report, report.ModelId, minimum) is { } problem)
            throw new CliException($"the report is not submitted: {problem.Path}: {problem.Problem}");
    }
}
