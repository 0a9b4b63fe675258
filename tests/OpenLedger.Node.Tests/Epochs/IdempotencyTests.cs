using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Tests.Epochs.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class IdempotencyTests(EpochChain chain)
{
    private async Task<(long Model, byte[] Report)> ReportAsync(double firstScore = 1.0)
    {
        var model = await chain.NewModelAsync([2, 3, 4], 100 * EpochChain.Ether);
        var contributions = await chain.ContributionsAsync(model);
        var report = ReportJson.Build(model, 1, contributions, c => c == contributions[0] ? firstScore : 1.0, 10 * EpochChain.Ether, 999);
        return (model, ReportJson.Bytes(report));
    }

    private Task<ulong> ReporterNonceAsync() => chain.Rpc.GetTransactionCountAsync(chain.Reporter.Address, BlockTag.Latest);

    [Fact]
    public async Task Same_report_again_answers_200_with_the_existing_result_and_sends_nothing()
    {
        var (model, report) = await ReportAsync();
        using var first = await chain.PostReportAsync(report);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var nonce = await ReporterNonceAsync();

        using var again = await chain.PostReportAsync(report);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var a = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var b = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.True(JsonNode.DeepEquals(a, b), $"{a.ToJsonString()} != {b.ToJsonString()}");
        Assert.Equal(nonce, await ReporterNonceAsync());
        Assert.Equal(BigInteger.One, await chain.LastEpochAsync(model));
    }

    [Fact]
    public async Task Different_report_for_a_posted_epoch_is_a_409_naming_both_hashes()
    {
        var (model, report) = await ReportAsync();
        using var first = await chain.PostReportAsync(report);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var changed = JsonNode.Parse(report)!;
        changed["evaluation"]!["score"] = 0.95;
        var changedBytes = ReportJson.Bytes(changed);

        using var conflict = await chain.PostReportAsync(changedBytes);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var detail = JsonNode.Parse(await conflict.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains($"model {model} epoch 1 is already posted with report hash {Keccak.Hash(report)}", detail);
        Assert.Contains(Keccak.Hash(changedBytes).ToString(), detail);
        Assert.Equal(Keccak.Hash(report), (await chain.Reads.Distributor.EpochAsync(model, 1)).ReportHash);
    }

    [Fact]
    public async Task Vetoed_epoch_can_be_posted_again_with_a_corrected_report_but_not_with_the_vetoed_one()
    {
        var (model, report) = await ReportAsync();
        using (var first = await chain.PostReportAsync(report)) Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await (await chain.AsAsync(0)).Distributor.VetoEpochAsync(model, 1, "wrong test set");

        using (var same = await chain.PostReportAsync(report)) Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        var corrected = JsonNode.Parse(report)!;
        corrected["evaluation"]!["score"] = 0.8;
        var correctedBytes = ReportJson.Bytes(corrected);
        using var reposted = await chain.PostReportAsync(correctedBytes);
        Assert.Equal(HttpStatusCode.Created, reposted.StatusCode);
        var epoch = await chain.Reads.Distributor.EpochAsync(model, 1);
        Assert.Equal(EpochStatus.Posted, epoch.Status);
        Assert.Equal(Keccak.Hash(correctedBytes), epoch.ReportHash);
        using var served = await chain.Client.GetAsync($"/models/{model}/epochs/1/report");
        Assert.Equal(correctedBytes, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Epoch_posted_before_a_crash_is_recorded_as_posted_on_restart_instead_of_posted_again()
    {
        var (model, report) = await ReportAsync();
        // What a node that crashed right after broadcasting leaves: the stored submission marked "sending", the epoch on chain.
        var computed = EpochComputation.Compute(report);
        var store = chain.Service<IEpochStore>();
        await store.PutAsync(IEpochStore.Reports, report, default);
        var distributionHash = await store.PutAsync(IEpochStore.Distributions, computed.DistributionBytes, default);
        var (root, distribution) = (computed.Root!.Value, computed.Distribution);
        var uri = EpochSubmitter.ReportUri("http://node.test:5080", model, 1);
        await store.SaveAsync(new EpochSubmission
        {
            ModelId = model, Epoch = 1, ReportHash = computed.ReportHash.ToString(), DistributionHash = distributionHash.ToString(),
            Root = root.ToString(), TotalOpen = distribution.TotalOpen.ToString(), TotalShares = distribution.TotalShares.ToString(),
            ReportUri = uri, Status = EpochSubmission.Sending,
        }, default);
        var reporter = await chain.AsAsync(1);
        await reporter.Distributor.PostEpochAsync(model, 1, root, distribution.TotalOpen, distribution.TotalShares, computed.ReportHash, uri);
        var nonce = await ReporterNonceAsync();

        // A second node host over the same epoch data (its own index file) reconciles at start.
        var logs = new LogCapture();
        var settings = new Dictionary<string, string>(chain.Settings) { ["Indexer:DatabasePath"] = chain.Directory.File($"restart-{model}.db") };
        await using (var restarted = new EpochNodeFactory(settings, logs))
        {
            using var client = restarted.CreateClient();
            var expected = $"Model {model} epoch 1 is on chain with report {computed.ReportHash}: recorded as posted";
            for (var i = 0; i < 600 && !logs.Lines.Any(l => l.Contains(expected)); i++) await Task.Delay(50);
            Assert.Contains(logs.Lines, l => l.Contains(expected));
        }
        var recorded = await store.GetPostedAsync(model, 1, default);
        Assert.NotNull(recorded);
        Assert.Equal(computed.ReportHash.ToString(), recorded.ReportHash);

        using var again = await chain.PostReportAsync(report);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(nonce, await ReporterNonceAsync());
        Assert.Equal(BigInteger.One, await chain.LastEpochAsync(model));
    }

    [Fact]
    public async Task Resubmitting_a_report_left_sending_finds_it_on_chain_and_does_not_post_twice()
    {
        var (model, report) = await ReportAsync();
        var computed = EpochComputation.Compute(report);
        var store = chain.Service<IEpochStore>();
        await store.PutAsync(IEpochStore.Reports, report, default);
        var distributionHash = await store.PutAsync(IEpochStore.Distributions, computed.DistributionBytes, default);
        var (root, distribution) = (computed.Root!.Value, computed.Distribution);
        var uri = EpochSubmitter.ReportUri("http://node.test:5080", model, 1);
        await store.SaveAsync(new EpochSubmission
        {
            ModelId = model, Epoch = 1, ReportHash = computed.ReportHash.ToString(), DistributionHash = distributionHash.ToString(),
            Root = root.ToString(), TotalOpen = distribution.TotalOpen.ToString(), TotalShares = distribution.TotalShares.ToString(),
            ReportUri = uri, Status = EpochSubmission.Sending,
        }, default);
        await (await chain.AsAsync(1)).Distributor.PostEpochAsync(model, 1, root, distribution.TotalOpen, distribution.TotalShares, computed.ReportHash, uri);
        var nonce = await ReporterNonceAsync();

        var outcome = await chain.Submitter.SubmitAsync(report, "test", default);
        Assert.Equal(SubmissionStatus.AlreadyPosted, outcome.Status);
        Assert.Equal(EpochSubmission.Posted, outcome.Submission!.Status);
        Assert.Equal(nonce, await ReporterNonceAsync());
    }
}
