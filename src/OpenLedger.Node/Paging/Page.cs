namespace OpenLedger.Node.Paging;

/// <summary>
/// One page of a keyset-paginated list. <c>Next</c> is the opaque cursor for the following page and
/// <c>NextLink</c> the same request with it; both are null on the last page.
/// </summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next, string? NextLink);
