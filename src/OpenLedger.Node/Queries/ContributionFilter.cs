namespace OpenLedger.Node.Queries;

/// <summary>Filters and keyset position (block, log index, batch index of the last row seen) for listing contributions.</summary>
public sealed record ContributionFilter(
    long? ModelId = null,
    string? Contributor = null,
    int? Kind = null,
    string? Status = null,
    bool BondedOnly = false,
    (long Block, int LogIndex, int BatchIndex)? After = null,
    int Limit = 50);
