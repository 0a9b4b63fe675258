using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Tests.Epochs.Support;
using OpenLedger.Node.Tests.Support;

namespace OpenLedger.Node.Tests.Epochs;

/// <summary>A report's precision: its subsets must come from the block that sealed the evaluation set; the node stores and serves it.</summary>
[Collection(EpochChainCollection.Name)]
public sealed class PrecisionIntakeTests(EpochChain chain)
{
    private async Task<(long Model, JsonObject Report, string BlockHash)> ReportAsync()
    {
        var model = await chain.NewModelAsync([2, 3, 4, 5], 100 * EpochChain.Ether);
        var contributions = await chain.ContributionsAsync(model);
        var scores = new[] { 0.4, 0.1, 0.3, 0.2 };
        var report = ReportJson.Build(model, 1, contributions, c => scores[contributions.ToList().IndexOf(c)], 10 * EpochChain.Ether, 1_000);
        var sealedSet = await chain.Client.GetJsonAsync($"/models/{model}/epochs/1/evaluation");
        var blockHash = sealedSet["committedBlockHash"]!.GetValue<string>();
        var block = await OpenLedger.Ethereum.Rpc.EthRpc.GetBlockByNumberAsync(chain.Rpc, (ulong)sealedSet["committedBlock"]!.GetValue<long>());
        Assert.Equal(block!.Hash.ToString(), blockHash); // the index keeps the sealing block's hash
        return (model, report, blockHash);
    }

    [Fact]
    public async Task A_report_measured_on_the_sealing_blocks_subsets_is_posted_and_its_precision_served()
    {
        var (model, report, blockHash) = await ReportAsync();
        ReportPrecision.With(report, Hash32.Parse(blockHash));
        var expected = OpenLedger.Attribution.AttributionEngine.Distribute(PerformanceReportParser.Parse(report.ToJsonString())).Precision!;

        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());

        var distribution = await chain.Client.GetJsonAsync($"/models/{model}/epochs/1/distribution");
        Assert.Equal(expected.Lds, distribution["precision"]!["lds"]!.GetValue<double>());
        await chain.WaitForIndexAsync();
        var epochs = await chain.Client.GetJsonAsync($"/models/{model}/epochs");
        var precision = epochs["items"]![0]!["precision"]!;
        Assert.Equal("knn(k=5)", precision["modelClass"]!.GetValue<string>());
        Assert.Equal((expected.Lds, expected.Lower, expected.Upper, 100),
            (precision["lds"]!.GetValue<double>(), precision["lower"]!.GetValue<double>(), precision["upper"]!.GetValue<double>(), precision["subsets"]!.GetValue<int>()));
    }

    /// <summary>The model owner (account 0) requires a minimum precision of <paramref name="bps"/>.</summary>
    private async Task RequireAsync(long model, ushort bps)
    {
        await (await chain.AsAsync(0)).Registry.SetPolicyAsync(model, new OpenLedger.Contracts.Registry.Policy(0, 0, 0, 0, 0, false, bps));
        await chain.WaitForIndexAsync();
    }

    [Fact]
    public async Task Below_the_models_minimum_precision_or_without_one_a_report_is_refused_and_nothing_is_posted()
    {
        var (model, report, blockHash) = await ReportAsync();
        ReportPrecision.With(report, Hash32.Parse(blockHash));
        var lds = PerformanceReportParser.Parse(report.ToJsonString()).Precision!.Lds;
        var above = (ushort)Math.Min(10_000, Math.Floor(lds * 10_000) + 1);
        await RequireAsync(model, above);

        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        var message = JsonNode.Parse(text)!["errors"]!["precision.lds"]![0]!.GetValue<string>();
        Assert.Equal($"{lds:0.0000} is below model {model}'s minimum precision of LDS {above / 10_000m:0.0000} (policy minPrecisionBps {above}): " +
            "the attribution does not predict the retrained model well enough to pay on (docs/epochs.md, \"Minimum precision\")", message);

        report.Remove("precision");
        using var unmeasured = await chain.PostReportAsync(ReportJson.Bytes(report));
        var unmeasuredText = await unmeasured.Content.ReadAsStringAsync();
        Assert.True(unmeasured.StatusCode == HttpStatusCode.UnprocessableEntity, unmeasuredText);
        Assert.StartsWith("the report does not measure its precision, but model", JsonNode.Parse(unmeasuredText)!["errors"]!["precision"]![0]!.GetValue<string>());
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));

        // At exactly its LDS (rounded down to a basis point) the same report passes.
        ReportPrecision.With(report, Hash32.Parse(blockHash));
        await RequireAsync(model, (ushort)Math.Floor(lds * 10_000));
        using var accepted = await chain.PostReportAsync(ReportJson.Bytes(report));
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Subsets_drawn_from_another_block_hash_are_refused_and_nothing_is_posted()
    {
        var (model, report, blockHash) = await ReportAsync();
        // Self-consistent (the parser accepts its seed and subsets) but drawn from a block the reporter picked.
        ReportPrecision.With(report, Keccak.Hash("a block of my choosing"));

        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, text);
        var messages = JsonNode.Parse(text)!["errors"]!["precision.commitmentBlockHash"]!.AsArray().Select(m => m!.GetValue<string>()).ToArray();
        Assert.Contains(messages, m => m.StartsWith($"must be {blockHash}, the hash of block ", StringComparison.Ordinal));
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));
    }
}
