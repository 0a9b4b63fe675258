namespace OpenLedger.Attribution.Reports;

/// <summary>The on-chain status of a contribution as the reporter saw it.</summary>
public enum ContributionStatus
{
    Active,
    /// <summary>Flagged by a validator but not (yet) slashed: still credited, the flag may be disputed.</summary>
    Flagged,
    /// <summary>Slashed: never credited, and evidence that references it is rejected.</summary>
    Slashed,
}
