using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenLedger.Node;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>node run: the node host (indexer, query API, optional gasless relay) in this process until Ctrl+C.</summary>
public sealed class NodeRunCommand : VerbCommand
{
    private readonly Option<string> _urls = new("--urls") { Description = "where the API listens", DefaultValueFactory = _ => NodeHostingExtensions.DefaultUrl };
    private readonly Option<string> _database = new("--database") { Description = "SQLite file of the index", DefaultValueFactory = _ => "data/openledger.db" };
    private readonly Option<FileInfo> _relayKeystore = new("--relay-keystore") { Description = "keystore of the relayer that pays gas for POST /relay/register (relay off when omitted)" };
    private readonly Option<string> _relayPasswordEnv = new("--relay-password-env") { Description = "environment variable holding the relayer keystore's password" };

    public NodeRunCommand() : base("run", "run the OpenLedger node (indexer + query API) in this process")
    {
        Options.Add(_urls);
        Options.Add(_database);
        Options.Add(_relayKeystore);
        Options.Add(_relayPasswordEnv);
        Validators.Add(r =>
        {
            if ((r.GetResult(_relayKeystore) is null) != (r.GetResult(_relayPasswordEnv) is null))
                r.AddError("--relay-keystore and --relay-password-env go together");
        });
    }

    public override async Task<int> ExecuteAsync(CliContext context, CancellationToken ct)
    {
        var p = context.Parse;
        var deployment = ChainSession.LoadDeployment(context.DeploymentPath);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = p.GetValue(_urls),
            ["Indexer:RpcUrl"] = context.RpcUrl.ToString(),
            ["Indexer:ChainId"] = deployment.ChainId.ToString(),
            ["Indexer:DeploymentFile"] = Path.GetFullPath(context.DeploymentPath),
            ["Indexer:DatabasePath"] = Path.GetFullPath(p.GetValue(_database)!),
        };
        if (p.GetValue(_relayKeystore) is { } keystore)
        {
            var variable = p.GetValue(_relayPasswordEnv)!;
            settings["Relay:KeystorePath"] = keystore.FullName;
            settings["Relay:KeystorePassword"] = context.Console.Environment(variable)
                ?? throw new CliException($"environment variable {variable} (--relay-password-env) is not set");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(settings["Indexer:DatabasePath"])!);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOpenLedgerNode();
        await using var app = builder.Build();
        app.MapOpenLedgerNode();
        try
        {
            await app.StartAsync(ct);
        }
        catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or IOException)
        {
            throw new CliException($"the node could not start: {e.Message}");
        }
        context.Info($"OpenLedger node listening on {p.GetValue(_urls)} (chain {deployment.ChainId}, rpc {context.RpcUrl}); Ctrl+C stops it");
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }
}
