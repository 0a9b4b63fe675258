using System.Text.Json.Nodes;
using OpenLedger.Contracts.Tests.Sync;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Bindings;

/// <summary>ethers v6 as the reference encoder of logs, revert data, calldata and return data (oracle/abi-encode.js).</summary>
public static class Ethers
{
    public const string Registry = "artifacts/contracts/interfaces/IContributionRegistry.sol/IContributionRegistry.json";
    public const string Shares = "artifacts/contracts/interfaces/IModelShares.sol/IModelShares.json";
    public const string Distributor = "artifacts/contracts/interfaces/IRewardDistributor.sol/IRewardDistributor.json";
    public const string Token = "artifacts/contracts/OpenToken.sol/OpenToken.json";
    public const string Erc1155 = "node_modules/@openzeppelin/contracts/build/contracts/ERC1155.json";
    public const string AccessControl = "node_modules/@openzeppelin/contracts/build/contracts/AccessControl.json";

    public sealed record Case(string[] Abi, string Op, string Name, JsonArray Args);

    public sealed record Encoded(IReadOnlyList<Hash32> Topics, byte[] Data);

    public static IReadOnlyList<Encoded> Encode(params Case[] cases)
    {
        _ = HardhatArtifacts.Read(Token); // the oracle reads artifacts: make sure the compile has run
        var input = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
        {
            ["abi"] = new JsonArray([.. c.Abi.Select(p => (JsonNode)JsonValue.Create(p))]),
            ["op"] = c.Op,
            ["name"] = c.Name,
            ["args"] = c.Args.DeepClone(),
        })]);
        var output = NodeOracle.Run("tests/OpenLedger.Contracts.Tests/oracle/abi-encode.js", input).AsArray();
        return [.. output.Select(o => new Encoded(
            o!["topics"] is JsonArray topics ? [.. topics.Select(t => Hash32.Parse((string)t!))] : [],
            Hex.Decode((string)o["data"]!)))];
    }

    public static Encoded Event(string[] abi, string name, params JsonNode?[] args) => Encode(new Case(abi, "event", name, new JsonArray(args)))[0];

    public static byte[] Error(string[] abi, string name, params JsonNode?[] args) => Encode(new Case(abi, "error", name, new JsonArray(args)))[0].Data;

    public static byte[] Call(string[] abi, string name, params JsonNode?[] args) => Encode(new Case(abi, "call", name, new JsonArray(args)))[0].Data;

    public static byte[] Result(string[] abi, string name, params JsonNode?[] args) => Encode(new Case(abi, "result", name, new JsonArray(args)))[0].Data;
}
