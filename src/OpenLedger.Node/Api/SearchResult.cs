namespace OpenLedger.Node.Api;

/// <summary>The answer of /search: the query as given and what it matched, never empty (nothing found is a 404).</summary>
public sealed record SearchResult(string Query, IReadOnlyList<SearchMatch> Matches);
