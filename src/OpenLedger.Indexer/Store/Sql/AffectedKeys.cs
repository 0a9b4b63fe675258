namespace OpenLedger.Indexer.Store.Sql;

/// <summary>The keys of derived state a write or a rewind touched; each is recomputed from the event tables.</summary>
internal sealed class AffectedKeys
{
    public HashSet<long> Models { get; } = [];
    public HashSet<(long ModelId, string Validator)> Validators { get; } = [];
    public HashSet<string> Contributions { get; } = [];
    public HashSet<(long ModelId, string Account)> Balances { get; } = [];
    public HashSet<(long ModelId, long Epoch)> Epochs { get; } = [];

    /// <summary>
    /// The keys a batch's rows touch. Derived state is recomputed from the event tables for each, so replays and
    /// partial overlaps give the same result as a single pass.
    /// </summary>
    public void Add(RangeBatch b)
    {
        foreach (var p in b.ModelPolicies) Models.Add(p.ModelId);
        foreach (var v in b.ValidatorUpdates) Validators.Add((v.ModelId, v.Validator));
        foreach (var f in b.Flags) Contributions.Add(f.ContributionId);
        foreach (var s in b.Slashes) Contributions.Add(s.ContributionId);
        foreach (var w in b.BondWithdrawals) Contributions.Add(w.ContributionId);
        foreach (var s in b.Supersessions) Contributions.Add(s.ContributionId);
        foreach (var t in b.ShareTransfers)
        {
            Balances.Add((t.ModelId, t.FromAddress));
            Balances.Add((t.ModelId, t.ToAddress));
        }
        foreach (var e in b.EpochPostings) Epochs.Add((e.ModelId, e.Epoch));
        foreach (var e in b.EpochVetoes) Epochs.Add((e.ModelId, e.Epoch));
        foreach (var e in b.Claims) Epochs.Add((e.ModelId, e.Epoch));
    }
}
