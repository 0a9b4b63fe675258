namespace OpenLedger.Indexer;

/// <summary>Settings of the indexer, bound from the configuration section <c>Indexer</c>.</summary>
public sealed class IndexerOptions
{
    public const string SectionName = "Indexer";

    /// <summary>JSON-RPC endpoint of the node to index, e.g. http://127.0.0.1:8545.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>The chain id the node must report; checked at start so a misconfigured URL cannot fill the wrong database.</summary>
    public ulong ChainId { get; set; }

    /// <summary>deployments/&lt;network&gt;.json as written by scripts/deploy.js.</summary>
    public string DeploymentFile { get; set; } = "";

    /// <summary>Path of the SQLite database file; created when missing.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>Blocks behind the head that are left alone, so shallow reorgs happen before we read.</summary>
    public int Confirmations { get; set; }

    /// <summary>How long to wait after reaching the head before asking again.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Blocks per eth_getLogs call at start; the range shrinks on 'too many results' and widens while responses are small.</summary>
    public int InitialBlockRange { get; set; } = 500;

    public int MaxBlockRange { get; set; } = 10_000;

    /// <summary>How far back block hashes are kept to find the common ancestor after a reorg.</summary>
    public int ReorgWindow { get; set; } = 128;

    /// <summary>
    /// When another indexer holds the store's leader lease: false (the default) refuses to start, true waits as a
    /// standby and takes over, resuming from the cursor, when that indexer stops.
    /// </summary>
    public bool Standby { get; set; }

    /// <summary>
    /// A backfill longer than <see cref="ReorgWindow"/> into a store that holds fewer blocks than are left drops the
    /// contributions' indexes by id, model and contributor and builds them once it reaches the head: one sort each
    /// instead of a random insert per row. Reads are slower meanwhile, not different. False keeps them throughout.
    /// </summary>
    public bool DeferIndexes { get; set; } = true;

    /// <summary>How often a standby asks for the lease.</summary>
    public TimeSpan StandbyPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
