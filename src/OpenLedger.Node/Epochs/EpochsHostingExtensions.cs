using Microsoft.Extensions.Options;
using OpenLedger.Indexer;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Epochs;

public static class EpochsHostingExtensions
{
    /// <summary>
    /// Registers the epoch submitter: options from section "Epochs", the content-addressed store (also as
    /// <see cref="IDistributionStore"/> for the proof route), the chain access, the pipeline, the inbox watcher and
    /// the start-up reconciliation of unfinished postings.
    /// </summary>
    public static IHostApplicationBuilder AddOpenLedgerEpochs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EpochOptions>().BindConfiguration(EpochOptions.SectionName)
            .Validate(o => o.MaxReportBytes > 0, "Epochs:MaxReportBytes must be positive")
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), "Epochs:PublicBaseUrl must be an absolute URL")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var directory = sp.GetRequiredService<IOptions<EpochOptions>>().Value.DataDirectory;
            if (directory.Length == 0)
            {
                var database = Path.GetFullPath(sp.GetRequiredService<IOptions<IndexerOptions>>().Value.DatabasePath);
                directory = Path.Combine(Path.GetDirectoryName(database)!, "epochs");
            }
            return new EpochStore(directory);
        });
        services.AddSingleton<IDistributionStore>(sp => sp.GetRequiredService<EpochStore>());
        services.AddSingleton<ReporterChain>();
        services.AddSingleton<ReportCrossCheck>();
        services.AddSingleton<EpochSubmitter>();
        services.AddHostedService<EpochRecovery>();
        services.AddSingleton<ReportInbox>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportInbox>());
        return builder;
    }
}
