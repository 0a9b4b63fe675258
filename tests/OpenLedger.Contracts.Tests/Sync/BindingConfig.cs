using System.Text.Json.Nodes;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Sync;

/// <summary>One entry of src/OpenLedger.Contracts/codegen/contracts.json: which artifacts a binding is checked against.</summary>
public sealed record BindingConfig(string Name, string Namespace, string Artifact, IReadOnlyList<string> Interim)
{
    public static IReadOnlyList<BindingConfig> Load()
    {
        var json = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("src", "OpenLedger.Contracts", "codegen", "contracts.json")))!;
        return [.. json["contracts"]!.AsArray().Select(c => new BindingConfig(
            (string)c!["name"]!, (string)c["namespace"]!, (string)c["artifact"]!,
            [.. c["interim"]!.AsArray().Select(p => (string)p!)]))];
    }

    public override string ToString() => Name;
}
