using System.Text.Json.Nodes;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Sync;

/// <summary>
/// The selectors the bindings compute equal the ones solc itself reports (evm.methodIdentifiers in the Hardhat
/// build info): an independent check of signature canonicalisation and hashing, beyond comparing ABI text.
/// </summary>
public sealed class SolcSelectorTests
{
    [Theory]
    [MemberData(nameof(ContractArtifactSyncTests.Contracts), MemberType = typeof(ContractArtifactSyncTests))]
    public void Every_function_selector_equals_solcs_method_identifier(string contractName)
    {
        var config = BindingConfig.Load().Single(c => c.Name == contractName);
        Assert.True(HardhatArtifacts.TryReadAbi(config.Artifact) is not null, $"{config.Artifact} is missing after npx hardhat compile");
        var solc = MethodIdentifiers(config.Artifact);
        var ours = OpenLedgerContracts.Get(contractName).Functions.ToDictionary(f => f.Signature, f => f.Selector.ToString()[2..]);
        Assert.Equal(solc.OrderBy(p => p.Key, StringComparer.Ordinal), ours.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    private static Dictionary<string, string> MethodIdentifiers(string artifactPath)
    {
        var artifact = HardhatArtifacts.Read(artifactPath);
        var debugFile = RepoPaths.Combine(artifactPath[..^".json".Length] + ".dbg.json");
        var buildInfoRelative = (string)JsonNode.Parse(File.ReadAllText(debugFile))!["buildInfo"]!;
        var buildInfo = JsonNode.Parse(File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(debugFile)!, buildInfoRelative))))!;
        var evm = buildInfo["output"]!["contracts"]![(string)artifact["sourceName"]!]![(string)artifact["contractName"]!]!["evm"]!;
        return evm["methodIdentifiers"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
    }
}
