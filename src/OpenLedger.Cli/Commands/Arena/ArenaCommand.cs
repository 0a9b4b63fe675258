using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using OpenLedger.Arena;
using OpenLedger.Arena.Board;
using OpenLedger.Arena.Play;
using OpenLedger.Arena.Strategies;
using OpenLedger.Attribution;
using OpenLedger.Cli.Infrastructure;

namespace OpenLedger.Cli.Commands.Arena;

/// <summary>
/// arena: plays the attack strategies against the attribution methods on real data (src/OpenLedger.Arena) and writes
/// the scoreboard as Markdown (what scripts/arena.sh commits as docs/arena.md) or JSON. Needs no chain and no node.
/// </summary>
public sealed class ArenaCommand : VerbCommand
{
    private readonly Option<string[]> _datasets = List("--datasets", $"datasets to play on (default: all; --quick: wine): {string.Join(", ", ArenaDatasets())}");
    private readonly Option<string[]> _methods = List("--methods", $"attribution methods to play (default: all the arena can play): {string.Join(", ", MethodCatalog.Names)}");
    private readonly Option<string[]> _strategies = List("--strategies", "attack strategies to play (default: all; --quick: one or two per family); see docs/arena.md");
    private readonly Option<ulong> _seed = Infrastructure.Options.Integer("--seed", "seed of the board: splits, shards and every strategy's draws", 0UL, ulong.MaxValue, 14UL);
    private readonly Option<string> _format = new("--format") { Description = "markdown or json", DefaultValueFactory = _ => "markdown" };
    private readonly Option<bool> _quick = new("--quick") { Description = "a small smoke board: wine, a few strategies, fewer samples (seconds)" };
    private readonly Option<DirectoryInfo> _data = new("--data") { Description = "the repository's data folder", DefaultValueFactory = _ => new DirectoryInfo("data") };
    private readonly Option<FileInfo> _out = new("--out") { Description = "write the board to this file instead of standard output" };

    public ArenaCommand() : base("arena", "play every attack strategy against every attribution method on real data and print the scoreboard")
    {
        _format.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not ("markdown" or "json")) r.AddError($"--format must be markdown or json but is '{r.GetValueOrDefault<string>()}'");
        });
        foreach (var option in new Option[] { _datasets, _methods, _strategies, _seed, _format, _quick, _data, _out }) Options.Add(option);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var quick = p.GetValue(_quick);
        var seed = p.GetValue(_seed);
        var request = new ArenaRequest(p.GetValue(_data)!.FullName, quick ? ArenaSettings.Quick(seed) : new ArenaSettings(seed),
            Names(p.GetValue(_datasets)) ?? (quick ? ["wine"] : null),
            Names(p.GetValue(_methods)),
            Names(p.GetValue(_strategies)) ?? (quick ? StrategyCatalog.Quick : null));
        try { ArenaRunner.CheckNames(request); }
        catch (ArenaException e) { throw CliException.Usage(e.Message); }

        var watch = Stopwatch.StartNew();
        Scoreboard board;
        try { board = ArenaRunner.Run(request); }
        catch (Exception e) when (e is ArenaException or AttributionException) { throw new CliException($"the arena could not be played: {e.Message}"); }
        var json = p.GetValue(_format) == "json";
        var text = json ? JsonBoard.Write(board) + "\n" : MarkdownBoard.Write(board, Command(p.Tokens.Select(t => t.Value)));
        if (p.GetValue(_out) is { } output)
        {
            try { await File.WriteAllTextAsync(output.FullName, text, new UTF8Encoding(false), ct); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new CliException($"cannot write the board to {output.FullName}: {e.Message}"); }
        }
        else await context.Console.Out.WriteAsync(text);

        // The summary goes to stderr: the board itself stays free of timings, so it is byte-for-byte reproducible.
        var withTarget = board.Cells.Where(c => c.Method == board.DefaultMethod && c.Met is not null).ToArray();
        await context.Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"arena: {board.Strategies.Count} strategies x {board.Methods.Count} methods x {board.Datasets.Count} datasets = {board.Cells.Count} cells in {watch.Elapsed.TotalSeconds:0.0} s; " +
            $"{board.DefaultMethod} (default) meets {withTarget.Count(c => c.Met == true)}/{withTarget.Length} targets"));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The options that shape the board, for the page's header: where the data and the page are and the output format
    /// are left out, so the same board reads the same wherever it was written.
    /// </summary>
    private static string Command(IEnumerable<string> tokens)
    {
        var kept = new List<string> { "openledger", "arena" };
        var list = tokens.SkipWhile(t => t == "arena").ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is "--data" or "--out" or "--format") { i++; continue; }
            if (list[i] != "--json") kept.Add(list[i]);
        }
        return string.Join(' ', kept);
    }

    private static IReadOnlyList<string> ArenaDatasets() => OpenLedger.Arena.Data.ArenaDatasets.Names;

    private static IReadOnlyList<string>? Names(string[]? values) =>
        values is null || values.Length == 0 ? null : values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();

    private static Option<string[]> List(string name, string description) => new(name)
    {
        Description = description + " (comma-separated or repeated)",
        AllowMultipleArgumentsPerToken = true,
    };
}
