namespace OpenLedger.Node.Api;

/// <summary>
/// One thing a search found. <see cref="Type"/> is model, account, contribution (by id), content (a registration of the
/// content hash) or transaction (an event the transaction emitted, named by <see cref="Event"/>); the other fields say
/// which page shows it and are null when the match does not name one.
/// </summary>
public sealed record SearchMatch(
    string Type, long? ModelId = null, long? Epoch = null, string? Account = null, string? ContributionId = null, string? Event = null);
