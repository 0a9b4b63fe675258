using OpenLedger.Contracts.Binding;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Sync;

/// <summary>
/// A contract change cannot silently desynchronise the bindings: every function, event, error and constructor in
/// the compiled ABI must have a binding with the identical shape, and every binding must be in the ABI.
/// Until a concrete contract exists, its interface plus the OpenZeppelin bases listed in contracts.json stand in.
/// Fix a failure by running: node src/OpenLedger.Contracts/codegen/generate-bindings.js
/// </summary>
public sealed class ContractArtifactSyncTests
{
    public static TheoryData<string> Contracts() => [.. BindingConfig.Load().Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Bindings_match_the_compiled_abi_in_both_directions(string contractName)
    {
        var config = BindingConfig.Load().Single(c => c.Name == contractName);
        var (expected, source) = ExpectedShapes(config);
        var bound = BindingShapes.InNamespace(config.Namespace);

        var missing = expected.Except(bound).Order(StringComparer.Ordinal).ToList();
        var extra = bound.Except(expected).Order(StringComparer.Ordinal).ToList();
        var duplicated = bound.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count + extra.Count + duplicated.Count > 0)
            Assert.Fail(
                $"{contractName} bindings differ from {source}; regenerate with node src/OpenLedger.Contracts/codegen/generate-bindings.js\n" +
                Section("in the ABI but without a binding", missing) +
                Section("bound but not in the ABI", extra) +
                Section("bound twice", duplicated));
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Generated_catalog_lists_exactly_the_binding_types(string contractName)
    {
        var config = BindingConfig.Load().Single(c => c.Name == contractName);
        var catalog = OpenLedgerContracts.Get(contractName);
        var fromCatalog = BindingShapes.Of(catalog).Order(StringComparer.Ordinal).ToList();
        var fromTypes = BindingShapes.InNamespace(config.Namespace).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(fromTypes, fromCatalog);
    }

    [Theory]
    [MemberData(nameof(Contracts))]
    public void Bindings_are_generated_from_the_concrete_contract_once_it_exists(string contractName)
    {
        var config = BindingConfig.Load().Single(c => c.Name == contractName);
        var (_, source) = ExpectedShapes(config);
        Assert.Equal(source, OpenLedgerContracts.Get(contractName).GeneratedFrom);
    }

    [Fact]
    public async Task Checked_in_generated_code_is_exactly_what_the_generator_makes_from_the_current_artifacts()
    {
        _ = HardhatArtifacts.Read(BindingConfig.Load()[0].Artifact); // compiled first
        var psi = new System.Diagnostics.ProcessStartInfo("node", [RepoPaths.Combine("src", "OpenLedger.Contracts", "codegen", "generate-bindings.js"), "--check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await stderr + await stdout);
    }

    [Fact]
    public void Every_custom_error_of_every_contract_is_in_the_revert_decoder()
    {
        var decoderSignatures = OpenLedgerContracts.RevertDecoder.Errors.Select(e => e.Signature).ToHashSet();
        var abiErrors = BindingConfig.Load()
            .SelectMany(c => ExpectedShapes(c).Shapes)
            .Where(s => s.StartsWith("error ", StringComparison.Ordinal))
            .Select(s => s["error ".Length..])
            .Distinct()
            .Where(s => !decoderSignatures.Contains(s))
            .ToList();
        Assert.True(abiErrors.Count == 0, "Errors the decoder does not know: " + string.Join(", ", abiErrors));
    }

    private static (IReadOnlyList<string> Shapes, string Source) ExpectedShapes(BindingConfig config)
    {
        if (HardhatArtifacts.TryReadAbi(config.Artifact) is { } abi) return ([.. AbiShapes.Of(abi)], config.Artifact);
        Assert.True(config.Interim.Count > 0, $"{config.Artifact} does not exist after npx hardhat compile and contracts.json lists no interim ABI");
        var shapes = new List<string>();
        foreach (var path in config.Interim)
        {
            var interim = path.StartsWith("artifacts/", StringComparison.Ordinal)
                ? HardhatArtifacts.TryReadAbi(path) ?? throw new FileNotFoundException($"{path} does not exist after npx hardhat compile")
                : System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Combine(path)))!["abi"]!.AsArray();
            shapes.AddRange(AbiShapes.Of(interim, withConstructor: false));
        }
        return ([.. shapes.Distinct()], string.Join(" + ", config.Interim));
    }

    private static string Section(string title, IReadOnlyList<string> items) =>
        items.Count == 0 ? "" : $"  {title}:\n" + string.Concat(items.Select(i => $"    {i}\n"));
}
