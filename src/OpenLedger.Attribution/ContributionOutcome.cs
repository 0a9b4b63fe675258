namespace OpenLedger.Attribution;

public enum ContributionOutcome
{
    /// <summary>Valued and, if positive, paid to its contributor.</summary>
    Credited,
    /// <summary>Same content as an earlier registration: gets nothing.</summary>
    Duplicate,
    /// <summary>Slashed: gets nothing.</summary>
    Slashed,
}
