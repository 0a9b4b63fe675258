using OpenLedger.Node;

var builder = WebApplication.CreateBuilder(args);
builder.AddOpenLedgerNode();

var app = builder.Build();
app.MapOpenLedgerNode();
app.Run();

/// <summary>Entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program;
