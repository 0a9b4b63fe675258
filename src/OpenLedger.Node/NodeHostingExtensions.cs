using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using OpenLedger.Indexer;
using OpenLedger.Node.Api;
using OpenLedger.Node.Chain;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Explorer;
using OpenLedger.Node.Health;
using OpenLedger.Node.Relay;

namespace OpenLedger.Node;

public static class NodeHostingExtensions
{
    /// <summary>Where the API listens when neither --urls, ASPNETCORE_URLS nor configuration says otherwise: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Prefix of the node's own environment variables, e.g. OPENLEDGER_Indexer__RpcUrl.</summary>
    public const string EnvironmentPrefix = "OPENLEDGER_";

    /// <summary>
    /// Registers the node: configuration sources, the indexer, problem details, OpenAPI, health checks tied to the
    /// indexer's health, and the API's read services. Configuration precedence, lowest first: appsettings.json,
    /// environment (Indexer__RpcUrl or OPENLEDGER_Indexer__RpcUrl), command line (--Indexer:RpcUrl=...).
    /// </summary>
    public static IHostApplicationBuilder AddOpenLedgerNode(this IHostApplicationBuilder builder)
    {
        AddPrefixedEnvironment(builder.Configuration);
        // The host logs a failed start with the whole stack trace before throwing; the entry points (Program, node run)
        // print the exception as one line instead. Critical stays on: a background service that stops the host says so.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // An empty "urls" would let Kestrel (or ASPNETCORE_HTTP_PORTS) bind every interface; the node binds loopback unless told.
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"])) builder.Configuration["urls"] = DefaultUrl;

        var role = NodeRoles.Of(builder.Configuration);
        // An API replica holds no key: the relay (one relayer, one nonce sequence) and epoch posting run in one writing process.
        if (role == NodeRole.Api && builder.Configuration.IsRelayConfigured())
            throw new NodeStartupException($"Relay:KeystorePath is set but {NodeRoles.Setting} is 'api': the relay runs in the process with role 'indexer' or 'all'");
        if (role == NodeRole.Api && !string.IsNullOrWhiteSpace(builder.Configuration["Epochs:ReporterKeystore"]))
            throw new NodeStartupException($"Epochs:ReporterKeystore is set but {NodeRoles.Setting} is 'api': epoch intake runs in the process with role 'indexer' or 'all'");
        if (role == NodeRole.Api && !string.IsNullOrWhiteSpace(builder.Configuration["Epochs:InboxPath"]))
            throw new NodeStartupException($"Epochs:InboxPath is set but {NodeRoles.Setting} is 'api': the report inbox is watched by the process with role 'indexer' or 'all'");

        // Hosted services start in order, and before the server listens: a node pointed at another chain stops here.
        builder.Services.AddHostedService<ChainIdCheck>();
        builder.Services.AddHostedService<StoreMigration>();
        builder.AddOpenLedgerIndexer(worker: role != NodeRole.Api);
        if (role == NodeRole.Api) builder.Services.AddHostedService<ReplicaHead>();
        builder.AddOpenLedgerEpochs();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<IndexerHealthCheck>("indexer");
        builder.Services.AddSingleton<ChainClock>();
        builder.Services.AddSingleton<RevenueReader>();
        builder.Services.AddSingleton<NodeStatusReader>();
        builder.AddOpenLedgerRelay();
        return builder;
    }

    /// <summary>
    /// Maps the OpenAPI document (/openapi/v1.json), /health, /status, the stored reports and distributions, and the routes
    /// of the node's role: the query routes and the explorer (/explorer/) in roles all and api, report intake and the
    /// relay in roles all and indexer.
    /// </summary>
    public static WebApplication MapOpenLedgerNode(this WebApplication app)
    {
        var role = NodeRoles.Of(app.Configuration);
        // Problem details for unhandled exceptions and for empty error responses (unknown routes, wrong methods).
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi();
        app.MapHealthApi();
        app.MapStatusApi();
        app.MapStoredReportsApi();
        if (role != NodeRole.Indexer)
        {
            app.MapModelsApi();
            app.MapContributionsApi();
            app.MapAccountsApi();
            app.MapEpochsApi();
            app.MapContractsApi();
            app.MapSearchApi();
            app.MapExplorer();
        }
        if (role != NodeRole.Api)
        {
            app.MapReportsApi();
            app.MapRelayApi();
        }
        return app;
    }

    /// <summary>
    /// Adds OPENLEDGER_-prefixed variables just below the last command-line source (the builder also adds the command
    /// line early, for host settings), so they override appsettings and the command line still wins.
    /// </summary>
    private static void AddPrefixedEnvironment(IConfigurationManager configuration)
    {
        var source = new EnvironmentVariablesConfigurationSource { Prefix = EnvironmentPrefix };
        var index = configuration.Sources.ToList().FindLastIndex(s => s is CommandLineConfigurationSource);
        if (index < 0) configuration.Sources.Add(source);
        else configuration.Sources.Insert(index, source);
    }
}
