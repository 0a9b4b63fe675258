using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>
/// A Hardhat node with OpenLedger deployed, every event type played, and bulk contributions on top:
/// <c>contributions</c> through registerBatch (one log per batch) and <c>singles</c> through single register calls
/// (one log each).
/// </summary>
public abstract class LoadedChain : IDisposable
{
    protected LoadedChain(int contributions, int batch = 10, int txsPerBlock = 10, int singles = 0, int singlesPerTx = 100)
    {
        Node = new HardhatNode();
        try
        {
            (DeploymentFile, Head) = LoadScript.Run(Node.Url, Directory.Path, contributions, lifecycle: true, batch, txsPerBlock,
                singles: singles, singlesPerTx: singlesPerTx);
        }
        catch { Dispose(); throw; }
        Contributions = contributions + singles;
    }

    public HardhatNode Node { get; }

    public TempDirectory Directory { get; } = new();

    public string DeploymentFile { get; } = "";

    public long Head { get; }

    public int Contributions { get; }

    public void Dispose()
    {
        Node.Dispose();
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Lifecycle plus 2,000 bulk contributions.</summary>
public sealed class SmallLoadedChain() : LoadedChain(2_000);
