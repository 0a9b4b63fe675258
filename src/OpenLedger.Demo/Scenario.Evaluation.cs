using System.Globalization;
using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Demo;

public sealed partial class Scenario
{
    /// <summary>
    /// The model owner seals epoch 1's test split on chain before any contribution is registered: only its hash is
    /// public until the report reveals the rows, and the node posts no report scored on another set.
    /// </summary>
    private async Task SealEvaluationAsync()
    {
        narrator.Chapter("The model owner seals epoch 1's evaluation set on chain, before anyone contributes");
        await openledger.RunAsync(["evaluation", "commit", "--model", _modelId, "--epoch", Epoch.ToString(CultureInfo.InvariantCulture),
            "--file", TestFile, .. cast.Owner.Signer]);
        narrator.Say("only the hash is public: the rows stay in the owner's folder until epoch 1's report reveals them, and the node refuses a report scored on any other set");
    }

    /// <summary>The test set hash three ways: committed on chain, served by the node, and carried by the posted report.</summary>
    private async Task<EvaluationSeal> ReadEvaluationSealAsync()
    {
        var model = BigInteger.Parse(_modelId, CultureInfo.InvariantCulture);
        var committed = await chain.Read.Distributor.EvaluationCommitmentAsync(model, Epoch);
        var served = await node.GetAsync($"models/{_modelId}/epochs/{Epoch}/evaluation", default);
        var report = await node.GetAsync($"models/{_modelId}/epochs/{Epoch}/report", default);
        var seal = new EvaluationSeal(
            committed.TestSetHash == default ? null : committed.TestSetHash.ToString(),
            served?["testSetHash"]?.GetValue<string>(),
            report?["evaluation"]?["testSetHash"]?.GetValue<string>(),
            Keccak.Hash(await File.ReadAllBytesAsync(TestFile)).ToString());
        narrator.Say($"epoch {Epoch} was evaluated on the sealed set: committed at block {committed.CommittedAtBlock}, the report's testSetHash {seal.Reported} matches it");
        return seal;
    }
}
