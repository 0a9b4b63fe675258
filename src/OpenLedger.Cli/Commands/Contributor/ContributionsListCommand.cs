using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Cli.Infrastructure;
using OpenLedger.Ethereum.Primitives;
using Spectre.Console;

namespace OpenLedger.Cli.Commands.Contributor;

/// <summary>contributions list: a model's contributions as the node indexed them.</summary>
public sealed class ContributionsListCommand : VerbCommand
{
    private static readonly string[] Kinds = ["data", "compute", "finetune", "evaluation"];
    private readonly Option<BigInteger> _model = Infrastructure.Options.ModelId();
    private readonly Option<Address?> _contributor = new("--contributor")
    {
        Description = "only this contributor's contributions",
        CustomParser = r =>
        {
            if (Address.TryParse(r.Tokens.Single().Value, out var a)) return a;
            r.AddError($"--contributor expects a 20-byte 0x address but got '{r.Tokens.Single().Value}'");
            return null;
        },
    };
    private readonly Option<int> _limit = Infrastructure.Options.Integer("--limit", "at most this many (1-500)", 1, 500, defaultValue: 100);

    public ContributionsListCommand() : base("list", "list a model's contributions (from the node API)")
    {
        Options.Add(_model);
        Options.Add(_contributor);
        Options.Add(_limit);
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var query = $"models/{p.GetValue(_model)}/contributions?limit={p.GetValue(_limit)}";
        if (p.GetValue(_contributor) is { } contributor) query += $"&contributor={contributor}";
        var page = (await context.Node().GetAsync(query, ct))!;
        var items = page["items"]!.AsArray();
        if (context.Json)
        {
            context.WriteJson(new JsonArray([.. items.Select(i => i!.DeepClone())]));
            return ExitCodes.Ok;
        }
        var table = new Table().AddColumns("id", "contributor", "kind", "bond (OPEN)", "status", "block");
        foreach (var item in items)
        {
            var kind = item!["kind"]!.GetValue<int>();
            table.AddRow(S(item, "id"), S(item, "contributor"), kind >= 0 && kind < Kinds.Length ? Kinds[kind] : kind.ToString(),
                Amounts.Format(BigInteger.Parse(S(item, "currentBond"))), S(item, "status"), item["registeredBlock"]!.ToString());
        }
        context.Console.Ansi.Write(table);
        context.Console.Out.WriteLine($"{items.Count} contribution(s)");
        return ExitCodes.Ok;
    }

    private static string S(JsonNode node, string name) => node[name]?.GetValue<string>() ?? "";
}
