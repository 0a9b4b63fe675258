using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OpenLedger.Node.Relay;

public static class RelayHostingExtensions
{
    public static bool IsRelayConfigured(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{RelayOptions.SectionName}:{nameof(RelayOptions.KeystorePath)}"]);

    /// <summary>Registers the gasless relay when Relay:KeystorePath is configured; otherwise nothing (no route either).</summary>
    public static IHostApplicationBuilder AddOpenLedgerRelay(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.IsRelayConfigured()) return builder;
        builder.Services.AddSingleton<IValidateOptions<RelayOptions>, RelayOptionsValidator>();
        builder.Services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.SectionName)
            // Decrypted once at start (one scrypt): a wrong password must stop the host with this message, not
            // surface later as a 500 on the first relayed request.
            .Validate(KeystoreOpens, "Relay:KeystorePassword does not open Relay:KeystorePath (wrong password or corrupted keystore)")
            .ValidateOnStart();
        builder.Services.AddSingleton<RelaySender>();
        builder.Services.AddSingleton<RelayBudget>();
        builder.Services.AddSingleton<RelayInFlight>();
        builder.Services.AddSingleton(sp => new RelaySubmitter(sp.GetRequiredService<RelaySender>(), sp.GetRequiredService<RelayBudget>(),
            sp.GetRequiredService<IOptions<RelayOptions>>()));
        builder.Services.AddSingleton<RelayService>();
        // Partitioned by contributor address (read from the signed body), so one contributor cannot starve the relayer.
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RelayOptions>>().Value;
            return PartitionedRateLimiter.Create<string, string>(contributor => RateLimitPartition.GetFixedWindowLimiter(contributor,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 }));
        });
        return builder;
    }

    private static bool KeystoreOpens(RelayOptions options)
    {
        if (!File.Exists(options.KeystorePath)) return true; // reported by the KeystorePath rule
        try
        {
            Ethereum.Accounts.Account.FromKeystore(File.ReadAllText(options.KeystorePath), options.KeystorePassword);
            return true;
        }
        catch (Ethereum.EthereumException) { return false; }
    }

    public static IEndpointRouteBuilder MapRelayApi(this WebApplication app)
    {
        if (app.Configuration.IsRelayConfigured()) app.MapPost("/relay/register", RelayApi.RegisterAsync).WithTags("Relay").WithName("RelayRegister")
            .WithSummary("Sends a contributor's EIP-712-signed registration with registerBySig, paying the gas; an optional EIP-2612 permit covers the bond")
            .Accepts<RelayRegisterRequest>("application/json").Produces<RelayRegisterResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests).ProducesProblem(StatusCodes.Status502BadGateway);
        return app;
    }
}
