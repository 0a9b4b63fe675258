using Microsoft.AspNetCore.Http.Extensions;

namespace OpenLedger.Node.Paging;

/// <summary>Builds a page from rows fetched with limit + 1, so "is there a next page" needs no extra query.</summary>
public static class PageLinks
{
    public static Page<T> Build<T>(HttpRequest request, List<T> rowsPlusOne, int limit, Func<T, string> cursorOf)
    {
        if (rowsPlusOne.Count <= limit) return new Page<T>(rowsPlusOne, null, null);
        rowsPlusOne.RemoveAt(limit);
        var next = cursorOf(rowsPlusOne[^1]);
        var query = new QueryBuilder(request.Query.Where(q => q.Key != "cursor")) { { "cursor", next } };
        return new Page<T>(rowsPlusOne, next, request.PathBase + request.Path + query.ToQueryString());
    }
}
