using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Epochs;
using OpenLedger.Node.Tests.Support;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

public sealed class EpochStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static EpochSubmission Submission(string reportHash, string distributionHash, string status) => new()
    {
        ModelId = 3, Epoch = 1, ReportHash = reportHash, DistributionHash = distributionHash, Root = "0x" + new string('a', 64),
        TotalOpen = "10", TotalShares = "20", ReportUri = "http://n/models/3/epochs/1/report", Status = status,
    };

    [Fact]
    public async Task Blobs_are_stored_under_the_keccak_of_their_bytes_and_read_back_exactly()
    {
        var store = new EpochStore(_directory.Path);
        byte[] bytes = [1, 2, 3, 4];
        var hash = await store.PutAsync(EpochStore.Reports, bytes, default);
        Assert.Equal(Keccak.Hash(bytes), hash);
        Assert.True(File.Exists(Path.Combine(_directory.Path, "reports", hash + ".json")));
        Assert.Equal(bytes, await store.ReadAsync(EpochStore.Reports, hash.ToString(), default));
        Assert.Equal(hash, await store.PutAsync(EpochStore.Reports, bytes, default)); // storing again is harmless
        Assert.Null(await store.ReadAsync(EpochStore.Distributions, hash.ToString(), default));
    }

    [Fact]
    public async Task Blob_names_are_hashes_only_so_no_path_can_be_smuggled_in()
    {
        var store = new EpochStore(_directory.Path);
        await Assert.ThrowsAsync<EthereumException>(() => store.ReadAsync(EpochStore.Reports, "../../etc/passwd", default));
    }

    [Fact]
    public async Task Distribution_is_served_only_once_its_submission_is_posted_and_then_the_latest_posted_one()
    {
        var store = new EpochStore(_directory.Path);
        var computed = EpochComputation.Compute(File.ReadAllBytes(RepoPaths.Combine("examples", "performance-report.example.json")));
        var distribution = await store.PutAsync(EpochStore.Distributions, computed.DistributionBytes, default);
        var sending = Submission("0x" + new string('1', 64), distribution.ToString(), EpochSubmission.Sending);
        await store.SaveAsync(sending, default);
        Assert.Null(await store.TryGetAsync(3, 1, default));

        await store.SaveAsync(sending with { Status = EpochSubmission.Posted, TxHash = "0xt" }, default);
        var served = await store.TryGetAsync(3, 1, default);
        Assert.NotNull(served);
        var allocations = computed.Distribution.Allocations;
        Assert.Equal(computed.Root.ToString(), served.Root);
        Assert.Equal(allocations.Select(l => l.Account.ToString().ToLowerInvariant()), served.Leaves.Select(l => l.Account));
        Assert.Equal(allocations.Select(l => l.Open.ToString()), served.Leaves.Select(l => l.OpenAmount));
        Assert.Equal(allocations[0].Proof.Select(p => p.ToString()), served.Leaves[0].Proof);

        // Re-recording without a tx hash keeps the one known; a later posting of another report for the epoch stands.
        await store.SaveAsync(sending with { Status = EpochSubmission.Posted }, default);
        Assert.Equal("0xt", (await store.GetPostedAsync(3, 1, default))!.TxHash);
        var corrected = Submission("0x" + new string('2', 64), distribution.ToString(), EpochSubmission.Posted);
        await store.SaveAsync(corrected, default);
        Assert.Equal(corrected.ReportHash, (await store.GetPostedAsync(3, 1, default))!.ReportHash);
        Assert.Equal(2, (await store.ListAsync(3, 1, default)).Count);
    }
}
