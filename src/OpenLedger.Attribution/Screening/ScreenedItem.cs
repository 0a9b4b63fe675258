namespace OpenLedger.Attribution.Screening;

/// <summary>
/// The screening verdict of one evidence item: kept, or excluded with the item it repeats (<see cref="Match"/>: an
/// earlier item's evidence index for a near-duplicate, a test row's index for contamination; -1 when kept).
/// </summary>
public readonly record struct ScreenedItem(ItemExclusion Exclusion, int Match)
{
    public static ScreenedItem Kept => new(ItemExclusion.None, -1);

    public bool IsKept => Exclusion == ItemExclusion.None;
}
