namespace OpenLedger.Indexer.Store.Views;

/// <summary>
/// Filters and keyset position for listing contributions in registration order. After is the
/// (block, log index, batch index) of the last contribution already returned, or null for the first page.
/// BondedOnly leaves out contributions registered without a bond.
/// </summary>
public sealed record ContributionQuery(
    long? ModelId = null,
    string? Contributor = null,
    int? Kind = null,
    string? Status = null,
    bool BondedOnly = false,
    (long Block, int LogIndex, int BatchIndex)? After = null,
    int Limit = 100);
