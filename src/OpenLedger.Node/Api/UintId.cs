namespace OpenLedger.Node.Api;

/// <summary>
/// A parsed uint256 identifier from a URL. <see cref="Value"/> is null when the number is valid on-chain but beyond
/// the 64-bit keys the store uses, so nothing with that id can have been indexed.
/// </summary>
public readonly record struct UintId(long? Value)
{
    public static UintId Absent => new(null);
}
