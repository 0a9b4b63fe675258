using System.CommandLine;
using OpenLedger.Cli.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using OpenLedger.Node;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// node run: the node host (indexer, query API, epoch submitter, optional gasless relay) in this process until Ctrl+C,
/// or one role of it (--role indexer|api) beside other processes on one PostgreSQL store.
/// Secrets (relayer and reporter passwords, the report token) only come from environment variables named on the
/// command line, so they never appear in the process list or shell history.
/// </summary>
public sealed class NodeRunCommand : VerbCommand
{
    private readonly Option<string> _urls = new("--urls") { Description = "where the API listens", DefaultValueFactory = _ => NodeHostingExtensions.DefaultUrl };
    private readonly Option<string> _database = new("--database") { Description = "SQLite file of the index", DefaultValueFactory = _ => "data/openledger.db" };
    private readonly Option<string> _role = new("--role")
    {
        Description = "all (one process), indexer (the writer: indexer, epoch intake, relay) or api (a read replica) (Node:Role)",
        DefaultValueFactory = _ => "all",
    };
    private readonly Option<bool> _standby = new("--standby")
    {
        Description = "when another indexer holds the store's leader lease, wait and take over when it stops instead of refusing (Indexer:Standby)",
    };
    private readonly Option<string> _store = new("--store") { Description = "sqlite (the --database file) or postgres (Store:Provider)", DefaultValueFactory = _ => "sqlite" };
    private readonly Option<string> _storeConnectionEnv = EnvironmentOptions.VariableName("--store-connection-env",
        "environment variable holding the PostgreSQL connection string (Store:ConnectionString; default: OPENLEDGER_Store__ConnectionString)");
    private readonly Option<FileInfo> _relayKeystore = new("--relay-keystore") { Description = "keystore of the relayer that pays gas for POST /relay/register (relay off when omitted)" };
    private readonly Option<string> _relayPasswordEnv = EnvironmentOptions.VariableName("--relay-password-env",
        "environment variable holding the relayer keystore's password");
    private readonly Option<string> _relayZeroBond = new("--relay-zero-bond")
    {
        Description = "refuse (default) or relay registrations that carry no bond (Relay:ZeroBond): a bond is what a fresh wallet pays to be relayed",
    };
    private readonly Option<FileInfo> _reporterKeystore = new("--reporter-keystore")
    {
        Description = "keystore of the account with the distributor's REPORTER_ROLE that posts epochs (Epochs:ReporterKeystore; without it reports are checked, not posted)",
    };
    private readonly Option<string> _reporterPasswordEnv = EnvironmentOptions.VariableName("--reporter-password-env",
        "environment variable holding the reporter keystore's password (Epochs:ReporterPassword)");
    private readonly Option<string> _apiTokenEnv = EnvironmentOptions.VariableName("--api-token-env",
        "environment variable holding the bearer token POST /reports requires (Epochs:ApiToken; without it every report is refused)");
    private readonly Option<DirectoryInfo> _inbox = new("--inbox") { Description = "folder watched for report files to submit (Epochs:InboxPath; off when omitted)" };
    private readonly Option<Uri> _publicUrl = new("--public-url")
    {
        Description = "this node's public URL, the base of each epoch's reportURI (Epochs:PublicBaseUrl)",
        CustomParser = r => Infrastructure.Options.ParseHttpUrl(r, "--public-url"),
    };
    private readonly Option<DirectoryInfo> _epochsDir = new("--epochs-dir") { Description = "where reports and distributions are stored with --store sqlite (Epochs:DataDirectory; default: epochs/ next to the database); with postgres they are in the database" };

    public NodeRunCommand() : base("run", "run the OpenLedger node (indexer, query API, epoch submitter) in this process")
    {
        Options.Add(_urls);
        Options.Add(_database);
        _role.AcceptOnlyFromAmong("all", "indexer", "api");
        Options.Add(_role);
        Options.Add(_standby);
        _store.AcceptOnlyFromAmong("sqlite", "postgres");
        Options.Add(_store);
        Options.Add(_storeConnectionEnv);
        Options.Add(_relayKeystore);
        Options.Add(_relayPasswordEnv);
        _relayZeroBond.AcceptOnlyFromAmong("refuse", "relay");
        Options.Add(_relayZeroBond);
        Options.Add(_reporterKeystore);
        Options.Add(_reporterPasswordEnv);
        Options.Add(_apiTokenEnv);
        Options.Add(_inbox);
        Options.Add(_publicUrl);
        Options.Add(_epochsDir);
        Validators.Add(r =>
        {
            // The role as typed: a value outside all|indexer|api is AcceptOnlyFromAmong's error, not read here.
            var role = r.GetResult(_role)?.Tokens.FirstOrDefault()?.Value ?? "all";
            if ((r.GetResult(_relayKeystore) is null) != (r.GetResult(_relayPasswordEnv) is null))
                r.AddError("--relay-keystore and --relay-password-env go together");
            if (r.GetResult(_relayZeroBond) is not null && r.GetResult(_relayKeystore) is null)
                r.AddError("--relay-zero-bond applies to the relay, which is on only with --relay-keystore");
            if ((r.GetResult(_reporterKeystore) is null) != (r.GetResult(_reporterPasswordEnv) is null))
                r.AddError("--reporter-keystore and --reporter-password-env go together");
            if (role == "api" && r.GetResult(_standby) is not null)
                r.AddError("--standby applies to an indexer (--role indexer or all); an api replica does not write");
            if (role == "api" && (r.GetResult(_relayKeystore) is not null || r.GetResult(_reporterKeystore) is not null))
                r.AddError("an api replica holds no key: --relay-keystore and --reporter-keystore belong to the process with --role indexer or all");
            if (role == "api" && r.GetResult(_inbox) is not null)
                r.AddError("--inbox applies to the process with --role indexer or all: an api replica takes no reports");
            if (r.GetResult(_storeConnectionEnv) is not null && r.GetResult(_store)?.Tokens.FirstOrDefault()?.Value != "postgres")
                r.AddError("--store-connection-env applies to --store postgres");
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
            ["Node:Role"] = p.GetValue(_role),
            ["Indexer:Standby"] = p.GetValue(_standby) ? "true" : "false",
            ["Store:Provider"] = p.GetValue(_store),
        };
        if (p.GetResult(_storeConnectionEnv) is not null)
            settings["Store:ConnectionString"] = EnvironmentOptions.Secret(context, _storeConnectionEnv, nameVariable: true);
        if (p.GetValue(_relayKeystore) is { } keystore)
        {
            settings["Relay:KeystorePath"] = keystore.FullName;
            settings["Relay:KeystorePassword"] = EnvironmentOptions.Secret(context, _relayPasswordEnv, nameVariable: true);
            if (p.GetValue(_relayZeroBond) is { } zeroBond) settings["Relay:ZeroBond"] = zeroBond;
        }
        AddEpochSettings(context, settings);
        // The SQLite file's folder (and the epochs/ beside it); a PostgreSQL store keeps both in the database.
        if (p.GetValue(_store) != "postgres") Directory.CreateDirectory(Path.GetDirectoryName(settings["Indexer:DatabasePath"])!);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        WebApplication app;
        try
        {
            builder.AddOpenLedgerNode();
            app = builder.Build();
        }
        catch (NodeStartupException e)
        {
            throw new CliException($"the node could not start: {e.Message}");
        }
        await using var _ = app;
        app.MapOpenLedgerNode();
        try
        {
            await app.StartNodeAsync(ct);
        }
        catch (Exception e) when (NodeStart.IsRefusedStart(e))
        {
            throw new CliException($"the node could not start: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            // SIGTERM or Ctrl+C while starting (the host's lifetime cancels the start): a stop, not a crash.
            context.Info("OpenLedger node stopped while starting");
            return ExitCodes.Ok;
        }
        context.Info($"OpenLedger node ({p.GetValue(_role)}, {p.GetValue(_store)} store) listening on {p.GetValue(_urls)} (chain {deployment.ChainId}, rpc {context.RpcUrl}); Ctrl+C stops it");
        try
        {
            await app.WaitForShutdownAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        await app.StopAsync(CancellationToken.None);
        return ExitCodes.Ok;
    }

    /// <summary>The Epochs section from the options; secrets read from their variables, the reporter keystore opened once to check the password.</summary>
    private void AddEpochSettings(CliContext context, Dictionary<string, string?> settings)
    {
        var p = context.Parse;
        if (p.GetValue(_reporterKeystore) is { } reporter)
        {
            var password = EnvironmentOptions.Secret(context, _reporterPasswordEnv, nameVariable: true);
            // The node opens the keystore only when it first posts; a wrong password would then surface as a failed
            // submission long after start. One scrypt here turns it into a refusal before anything runs.
            Wallets.OpenKeystore(reporter, password);
            settings["Epochs:ReporterKeystore"] = reporter.FullName;
            settings["Epochs:ReporterPassword"] = password;
        }
        if (p.GetResult(_apiTokenEnv) is not null) settings["Epochs:ApiToken"] = EnvironmentOptions.Secret(context, _apiTokenEnv, nameVariable: false);
        if (p.GetValue(_inbox) is { } inbox) settings["Epochs:InboxPath"] = inbox.FullName;
        if (p.GetValue(_publicUrl) is { } url) settings["Epochs:PublicBaseUrl"] = url.ToString().TrimEnd('/');
        if (p.GetValue(_epochsDir) is { } epochs) settings["Epochs:DataDirectory"] = epochs.FullName;
    }
}
