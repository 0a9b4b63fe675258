using OpenLedger.Node;

AppDomain.CurrentDomain.UnhandledException += NodeStart.ExitOnRefusedStart;

// appsettings.json is read from beside the binary, wherever the node is started from; paths given in settings
// (Indexer:DeploymentFile, Indexer:DatabasePath) are the user's and resolve against the current directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddOpenLedgerNode();

var app = builder.Build();
app.MapOpenLedgerNode();
await app.StartNodeAsync(CancellationToken.None);
await app.WaitForShutdownAsync();

/// <summary>Entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program;
