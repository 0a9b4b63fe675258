using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Accounts;
using Spectre.Console;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>One invocation: the console, the global options' values and helpers to print results.</summary>
public sealed class CliContext(CliConsole console, ParseResult parse)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public CliConsole Console { get; } = console;

    public ParseResult Parse { get; } = parse;

    public Uri RpcUrl => Parse.GetValue(GlobalOptions.Rpc)!;

    public string DeploymentPath => Parse.GetValue(GlobalOptions.Deployment)!;

    public Uri NodeUrl => Parse.GetValue(GlobalOptions.Node)!;

    public bool Json => Parse.GetValue(GlobalOptions.Json);

    /// <summary>The last signing session opened, so a refusal of its transaction can name the sender and its chain.</summary>
    public ChainSession? SigningSession { get; private set; }

    public Task<ChainSession> ReadChainAsync(CancellationToken ct) => ChainSession.OpenAsync(this, null, ct);

    public Task<ChainSession> SignChainAsync(SignerOptions signer, CancellationToken ct) => SignChainAsync(signer.Resolve(Parse, Console), ct);

    public async Task<ChainSession> SignChainAsync(Account account, CancellationToken ct) => SigningSession = await ChainSession.OpenAsync(this, account, ct);

    public NodeApi Node() => new(NodeUrl);

    public void WriteJson(JsonNode node) => Console.Out.WriteLine(node.ToJsonString(Indented));

    /// <summary>Prints <paramref name="fields"/> as a JSON object with --json, else as "name  value" lines.</summary>
    public void WriteResult(params (string Name, object? Value)[] fields)
    {
        if (Json)
        {
            var obj = new JsonObject();
            foreach (var (name, value) in fields) obj[name] = value is null ? null : JsonValue.Create(value.ToString());
            WriteJson(obj);
            return;
        }
        var grid = new Grid().AddColumn().AddColumn();
        foreach (var (name, value) in fields) grid.AddRow(Markup.Escape(name), Markup.Escape(value?.ToString() ?? "-"));
        Console.Ansi.Write(grid);
    }

    public void Info(string line)
    {
        if (!Json) Console.Out.WriteLine(line);
    }
}
