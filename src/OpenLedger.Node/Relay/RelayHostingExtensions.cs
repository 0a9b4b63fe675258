using System.Threading.RateLimiting;

namespace OpenLedger.Node.Relay;

public static class RelayHostingExtensions
{
    public static bool IsRelayConfigured(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{RelayOptions.SectionName}:{nameof(RelayOptions.KeystorePath)}"]);

    /// <summary>Registers the gasless relay when Relay:KeystorePath is configured; otherwise nothing (no route either).</summary>
    public static IHostApplicationBuilder AddOpenLedgerRelay(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.IsRelayConfigured()) return builder;
        builder.Services.AddOptions<RelayOptions>().BindConfiguration(RelayOptions.SectionName)
            .Validate(o => File.Exists(o.KeystorePath), "Relay:KeystorePath must name an existing keystore file")
            .Validate(o => o.PermitLimit > 0 && o.Window > TimeSpan.Zero, "Relay:PermitLimit and Relay:Window must be positive")
            // Decrypted once at start (one scrypt): a wrong password must stop the host with this message, not
            // surface later as a 500 on the first relayed request.
            .Validate(KeystoreOpens, "Relay:KeystorePassword does not open Relay:KeystorePath (wrong password or corrupted keystore)")
            .ValidateOnStart();
        builder.Services.AddSingleton<RelaySender>();
        // Partitioned by contributor address (read from the signed body), so one contributor cannot starve the relayer.
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RelayOptions>>().Value;
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
            .WithSummary("Sends a contributor's EIP-712-signed registration with registerBySig, paying the gas; an optional EIP-2612 permit covers the bond");
        return app;
    }
}
