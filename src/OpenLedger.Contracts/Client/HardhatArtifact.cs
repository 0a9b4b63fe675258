using System.Text.Json;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Client;

/// <summary>The parts of a Hardhat artifact (artifacts/contracts/X.sol/X.json) a deployment needs.</summary>
public sealed record HardhatArtifact(string ContractName, string SourceName, byte[] Bytecode, byte[] DeployedBytecode)
{
    public static HardhatArtifact Load(string path)
    {
        if (!File.Exists(path)) throw new EthereumException($"Hardhat artifact {path} does not exist: run npx hardhat compile");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        string Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()!
            : throw new EthereumException($"Hardhat artifact {path} has no string field '{name}'");
        var bytecode = Text("bytecode");
        if (bytecode.Contains("__$", StringComparison.Ordinal))
            throw new EthereumException($"{Text("contractName")} needs library addresses linked into its bytecode; linking is not supported");
        return new HardhatArtifact(Text("contractName"), Text("sourceName"), Hex.Decode(bytecode), Hex.Decode(Text("deployedBytecode")));
    }
}
