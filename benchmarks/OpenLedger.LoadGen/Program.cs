// OpenLedger.LoadGen --base-url URL [--model 1] [--requests 20000] [--warmup 2000] [--concurrency 16] [--limit 50]
//                    [--min-contributions N] [--seed 1]
// Collects every contribution id and contributor of one model through the API itself, then runs two bounded scenarios
// on loopback (a lookup by random id; a contributor listing walked with the keyset cursor) and prints one markdown
// table row per scenario on stdout. Progress and warnings go to stderr.
using OpenLedger.LoadGen;

var options = LoadGenOptions.Parse(args);
using var client = LoadClient.Create(options.BaseUrl, options.Concurrency);

var dataset = await Dataset.CollectAsync(client, options.ModelId, Console.Error);
if (dataset.Ids.Count < options.MinContributions)
{
    Console.Error.WriteLine($"model {options.ModelId} lists {dataset.Ids.Count} contributions but at least {options.MinContributions} were expected");
    return 1;
}

IScenario[] scenarios =
[
    new ContributionLookup(dataset.Ids),
    new ContributorWalk(dataset.Contributors, options.PageLimit),
];
var failed = false;
foreach (var scenario in scenarios)
{
    var result = await LoadRunner.RunAsync(client, scenario, options);
    Console.WriteLine(result.ToMarkdownRow());
    Console.Error.WriteLine($"{scenario.Name}: {result.Summary()}");
    failed |= result.Errors > 0;
}
return failed ? 2 : 0;
