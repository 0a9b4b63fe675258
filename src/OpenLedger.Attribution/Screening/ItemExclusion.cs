namespace OpenLedger.Attribution.Screening;

/// <summary>Why an item of a contribution is left out of the valuation.</summary>
public enum ItemExclusion
{
    /// <summary>Kept: valued like any other item.</summary>
    None,
    /// <summary>Within the tolerance of an item registered earlier (by any wallet, in any contribution).</summary>
    NearDuplicate,
    /// <summary>Within the tolerance of an evaluation row: a leaked test item, which would inflate the score.</summary>
    Contamination,
}
