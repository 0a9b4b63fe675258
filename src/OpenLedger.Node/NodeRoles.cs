namespace OpenLedger.Node;

/// <summary>Reads <see cref="NodeRole"/> from configuration.</summary>
public static class NodeRoles
{
    public const string Setting = "Node:Role";

    public static NodeRole Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => NodeRole.All,
        "indexer" => NodeRole.Indexer,
        "api" => NodeRole.Api,
        _ => throw new NodeStartupException($"{Setting} must be 'all', 'indexer' or 'api' but is '{value}'"),
    };

    public static NodeRole Of(IConfiguration configuration) => Parse(configuration[Setting]);
}
