namespace OpenLedger.Demo;

/// <summary>What a contributor of the cast brings: what the final table's invariants expect of each differs.</summary>
public enum ContributorPart
{
    /// <summary>A clean shard of the dataset: paid.</summary>
    Honest,
    /// <summary>A shard with shifted labels: flagged from the attribution, paid nothing, slashed.</summary>
    Corrupted,
    /// <summary>A near-copy of another contributor's shard: excluded as a near-duplicate, paid nothing.</summary>
    Copier,
    /// <summary>Random rows: at most 1 % of the epoch.</summary>
    Junk,
}
