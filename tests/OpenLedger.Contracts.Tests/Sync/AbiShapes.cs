using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Contracts.Tests.Sync;

/// <summary>
/// One comparable line per ABI member: the canonical signature, plus what else decoding depends on
/// (which event parameters are indexed, what a function returns, whether it is read-only).
/// </summary>
public static class AbiShapes
{
    public static string Of(AbiFunction f, bool readOnly) =>
        $"function {f.Signature} returns ({string.Join(',', f.Outputs.Select(o => o.Type.CanonicalName))}){(readOnly ? " view" : "")}";

    public static string Of(AbiEvent e) =>
        $"event {e.Name}({string.Join(',', e.Parameters.Select(p => p.Type.CanonicalName + (p.Indexed ? " indexed" : "")))}){(e.Anonymous ? " anonymous" : "")}";

    public static string Of(AbiError e) => $"error {e.Signature}";

    public static string Constructor(IEnumerable<AbiParameter> inputs) =>
        $"constructor({string.Join(',', inputs.Select(p => p.Type.CanonicalName))})";

    /// <summary>The shapes of a Hardhat/solc JSON ABI; <paramref name="withConstructor"/> false drops an interface's or base's constructor.</summary>
    public static IEnumerable<string> Of(JsonArray abi, bool withConstructor = true)
    {
        foreach (var item in abi.Select(i => i!.AsObject()))
        {
            var type = (string)item["type"]!;
            var inputs = Types(item["inputs"]);
            switch (type)
            {
                case "function":
                    var mutability = (string?)item["stateMutability"];
                    yield return $"function {item["name"]}({inputs}) returns ({Types(item["outputs"])}){(mutability is "view" or "pure" ? " view" : "")}";
                    break;
                case "event":
                    var parameters = item["inputs"]!.AsArray().Select(p => Canonical(p!) + ((bool?)p!["indexed"] == true ? " indexed" : ""));
                    yield return $"event {item["name"]}({string.Join(',', parameters)}){((bool?)item["anonymous"] == true ? " anonymous" : "")}";
                    break;
                case "error":
                    yield return $"error {item["name"]}({inputs})";
                    break;
                case "constructor" when withConstructor:
                    yield return $"constructor({inputs})";
                    break;
            }
        }
    }

    private static string Types(JsonNode? parameters) =>
        parameters is null ? "" : string.Join(',', parameters.AsArray().Select(p => Canonical(p!)));

    private static string Canonical(JsonNode parameter)
    {
        var type = (string)parameter["type"]!;
        if (!type.StartsWith("tuple", StringComparison.Ordinal)) return type;
        return "(" + Types(parameter["components"]) + ")" + type[5..];
    }
}
