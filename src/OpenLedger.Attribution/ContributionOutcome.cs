namespace OpenLedger.Attribution;

public enum ContributionOutcome
{
    /// <summary>Valued and, if positive, paid to its contributor.</summary>
    Credited,
    /// <summary>Same content as an earlier registration: gets nothing.</summary>
    Duplicate,
    /// <summary>Slashed: gets nothing.</summary>
    Slashed,
    /// <summary>Every item is a near-duplicate of an item registered earlier: gets nothing.</summary>
    NearDuplicate,
    /// <summary>Every item is a copy of an evaluation row (test-set leakage): gets nothing.</summary>
    Contaminated,
}
