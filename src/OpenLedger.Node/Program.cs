var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapHealthChecks("/health");
app.Run();

/// <summary>Entry point, visible to the end-to-end tests' host factory.</summary>
public partial class Program;
