using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Tests.Epochs.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class EpochVerifierTests(EpochChain chain)
{
    private async Task<(long Model, byte[] Report, byte[] Distribution)> PostedEpochAsync()
    {
        var model = await chain.NewModelAsync([2, 3, 4, 5], 100 * EpochChain.Ether);
        var contributions = await chain.ContributionsAsync(model);
        double[] scores = [0.4, 0.3, 0.2, 0.1];
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, contributions, c => scores[contributions.ToList().IndexOf(c)], 10 * EpochChain.Ether, 1_000));
        using (var posted = await chain.PostReportAsync(report)) Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var distribution = await chain.Client.GetByteArrayAsync($"/models/{model}/epochs/1/distribution");
        return (model, report, distribution);
    }

    [Fact]
    public async Task Honest_epoch_verifies_with_no_differences()
    {
        var (model, report, distribution) = await PostedEpochAsync();
        var verifier = new EpochVerifier(chain.Reads.Distributor);
        Assert.Empty(await verifier.VerifyAsync(report, distribution));
        Assert.Empty(await verifier.VerifyFromNodeAsync(chain.Client, chain.Client.BaseAddress!, model, 1));
    }

    [Fact]
    public async Task Report_with_one_value_changed_yields_the_exact_differences()
    {
        var (model, report, distribution) = await PostedEpochAsync();
        var tampered = JsonNode.Parse(report)!;
        tampered["attribution"]!["evidence"]!["scores"]![0]!["value"] = 0.1; // 0.4 → 0.1: accounts now weigh 0.1/0.3/0.2/0.1
        var tamperedBytes = ReportJson.Bytes(tampered);
        var honest = EpochComputation.Compute(report);
        var recomputed = EpochComputation.Compute(tamperedBytes);

        var differences = await new EpochVerifier(chain.Reads.Distributor).VerifyAsync(tamperedBytes, distribution);

        var expected = new List<EpochDifference>
        {
            new("reportHash", Keccak.Hash(report).ToString(), Keccak.Hash(tamperedBytes).ToString()),
            new("root", honest.Root!.Value.ToString(), recomputed.Root!.Value.ToString()),
        };
        // Which leaf belongs to the contributor whose score changed, and to every other leaf whose share or proof moved.
        for (var i = 0; i < honest.Distribution.Allocations.Count; i++)
        {
            var (before, after) = (honest.Distribution.Allocations[i], recomputed.Distribution.Allocations[i]);
            if (before.Open != after.Open) expected.Add(new($"leaves[{i}].open", before.Open.ToString(), after.Open.ToString()));
            if (before.Shares != after.Shares) expected.Add(new($"leaves[{i}].shares", before.Shares.ToString(), after.Shares.ToString()));
            // The published proofs lead to the posted root, not to the tampered report's.
            var (proofBefore, proofAfter) = (string.Join(",", before.Proof), string.Join(",", after.Proof));
            if (proofBefore != proofAfter) expected.Add(new($"leaves[{i}].proof", proofBefore, proofAfter));
        }
        Assert.Equal(expected, differences);
        // Totals are the budget either way; the changed contributor's leaf now gets about 0.1/0.7 of the OPEN.
        var contributor = (await chain.ContributionsAsync(model))[0].Contributor;
        var changed = honest.Distribution.Allocations.Single(l => l.Account.ToString().Equals(contributor, StringComparison.OrdinalIgnoreCase)).Index;
        var open = BigInteger.Parse(differences.Single(d => d.Field == $"leaves[{changed}].open").Recomputed);
        Assert.True(BigInteger.Abs(open - 10 * EpochChain.Ether / 7) < 10_000, $"{open} is not about 1/7 of 10 OPEN");
    }

    [Fact]
    public async Task Published_leaf_with_a_wrong_index_or_proof_is_reported_even_when_its_amounts_are_right()
    {
        var (_, report, distribution) = await PostedEpochAsync();
        var published = JsonNode.Parse(distribution)!;
        var leaves = published["leaves"]!.AsArray();
        var honest = EpochComputation.Compute(report).Distribution.Allocations;
        leaves[0]!["index"] = 1;
        var proof = leaves[1]!["proof"]!.AsArray();
        proof[0] = Keccak.Hash("not a sibling").ToString();
        leaves[2]!.AsObject().Remove("proof");

        var differences = await new EpochVerifier(chain.Reads.Distributor).VerifyAsync(report, ReportJson.Bytes(published));

        Assert.Equal(
        [
            new EpochDifference("leaves[0].index", "1", honest[0].Index.ToString()),
            new EpochDifference("leaves[1].proof", string.Join(",", honest[1].Proof.Skip(1).Prepend(Keccak.Hash("not a sibling"))), string.Join(",", honest[1].Proof)),
            new EpochDifference("leaves[2].proof", "(missing)", string.Join(",", honest[2].Proof)),
        ], differences);
    }

    [Fact]
    public async Task Epoch_never_posted_is_reported_as_such()
    {
        var model = await chain.NewModelAsync([2], 0);
        var report = ReportJson.Bytes(ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1, 1, 1));
        var differences = await new EpochVerifier(chain.Reads.Distributor).VerifyAsync(report);
        Assert.Equal([new EpochDifference("status", "none (not posted)", "an epoch to compare")], differences);
    }
}
