using OpenLedger.TestSupport;

namespace OpenLedger.Indexer.Tests.Support;

/// <summary>A Hardhat node with OpenLedger deployed, every event type played, and bulk contributions on top.</summary>
public abstract class LoadedChain : IDisposable
{
    protected LoadedChain(int contributions, int batch = 10, int txsPerBlock = 10)
    {
        Node = new HardhatNode();
        try { (DeploymentFile, Head) = LoadScript.Run(Node.Url, Directory.Path, contributions, lifecycle: true, batch, txsPerBlock); }
        catch { Dispose(); throw; }
        Contributions = contributions;
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
