namespace OpenLedger.Node.Api;

/// <summary>
/// An epoch the account has not claimed from. Leaf fields are null when the node holds no distribution for the
/// epoch, in which case whether the account has a leaf at all is unknown.
/// </summary>
public sealed record UnclaimedEpoch(long ModelId, long Epoch, string Status, long? LeafIndex, string? OpenAmount, string? ShareAmount);
