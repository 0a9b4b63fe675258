namespace OpenLedger.Node.Epochs;

/// <summary>One disagreement found by <see cref="EpochVerifier"/>: what the chain (or the node's published distribution) says vs what the report recomputes to.</summary>
public readonly record struct EpochDifference(string Field, string Posted, string Recomputed)
{
    public override string ToString() => $"{Field}: posted {Posted}, recomputed {Recomputed}";
}
