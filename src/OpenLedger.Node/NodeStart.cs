using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using OpenLedger.Indexer;
using OpenLedger.Indexer.Deployment;
using OpenLedger.Node.Chain;

namespace OpenLedger.Node;

/// <summary>
/// Starting the node from an entry point (Program, `openledger node run`): what would make the start fail is checked
/// before the host starts anything, so a refusal is the one line of its exception. Once the host's services have begun
/// to start, a failed start also stops them half-started, and the host logs that with stack traces of its own.
/// </summary>
public static class NodeStart
{
    /// <summary>Checks the listening addresses, the deployment file and the chain id, then starts the host.</summary>
    public static async Task StartNodeAsync(this WebApplication app, CancellationToken ct)
    {
        CheckAddressesFree(app.Configuration["urls"] ?? "");
        var indexer = app.Services.GetRequiredService<IOptions<IndexerOptions>>().Value; // validates the section first
        try
        {
            DeploymentFile.Load(indexer.DeploymentFile);
        }
        catch (IndexerException e)
        {
            // Said with the path as resolved, since a relative path depends on where the node was started.
            throw new NodeStartupException($"{e.Message} (Indexer:DeploymentFile, resolved to {Path.GetFullPath(indexer.DeploymentFile)})");
        }
        await ChainIdCheck.CheckAsync(indexer, app.Services.GetRequiredService<ILogger<ChainIdCheck>>(), ct);
        await app.StartAsync(ct);
    }

    /// <summary>
    /// For Program: a start the node refuses, left unhandled, is one line on stderr and exit code 1 rather than the
    /// runtime's stack trace. (Under a test host the exception reaches the test instead: there it is not unhandled.)
    /// </summary>
    public static void ExitOnRefusedStart(object? sender, UnhandledExceptionEventArgs args)
    {
        if (args.ExceptionObject is not Exception e || !IsRefusedStart(e)) return;
        Console.Error.WriteLine($"error: the node could not start: {e.Message}");
        Environment.Exit(1);
    }

    /// <summary>The exceptions of a start the node refuses, as opposed to a crash: their messages say what to fix.</summary>
    public static bool IsRefusedStart(Exception e) => e is OptionsValidationException or IOException or NodeStartupException;

    /// <summary>
    /// Binds each loopback or IP address of <paramref name="urls"/> (';'-separated) for a moment: one in use is refused
    /// with Kestrel's own wording. Host names other than localhost are left to Kestrel.
    /// </summary>
    private static void CheckAddressesFree(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port == 0) continue;
            IPAddress? address = uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _) ? IPAddress.Loopback
                : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is null) continue;
            using var probe = new TcpListener(address, uri.Port);
            try
            {
                probe.Start();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                throw new IOException($"Failed to bind to address {url}: address already in use.", e);
            }
            finally
            {
                probe.Stop();
            }
        }
    }
}
