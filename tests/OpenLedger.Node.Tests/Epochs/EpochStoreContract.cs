using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Epochs;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

/// <summary>
/// What every <see cref="IEpochStore"/> does, run against each implementation (<see cref="SqliteEpochStoreTests"/>,
/// <see cref="PostgresEpochStoreTests"/>): content-addressed blobs, submissions ordered by their latest change, the
/// posted one standing for the epoch, and the distribution parsed for the proof routes.
/// </summary>
public abstract class EpochStoreContract
{
    /// <summary>A new, empty store of the implementation under test.</summary>
    protected abstract Task<IEpochStore> NewStoreAsync();

    protected static EpochSubmission Submission(string reportHash, string distributionHash, string status, long epoch = 1) => new()
    {
        ModelId = 3, Epoch = epoch, ReportHash = reportHash, DistributionHash = distributionHash, Root = "0x" + new string('a', 64),
        TotalOpen = "10", TotalShares = "20", ReportUri = $"http://n/models/3/epochs/{epoch}/report", Status = status,
    };

    protected static string HashOf(char c) => "0x" + new string(c, 64);

    [Fact]
    public async Task Blobs_are_stored_under_the_keccak_of_their_bytes_and_read_back_exactly()
    {
        var store = await NewStoreAsync();
        byte[] bytes = [1, 2, 3, 4];
        var hash = await store.PutAsync(IEpochStore.Reports, bytes, default);
        Assert.Equal(Keccak.Hash(bytes), hash);
        Assert.Equal(bytes, await store.ReadAsync(IEpochStore.Reports, hash.ToString(), default));
        Assert.Equal(hash, await store.PutAsync(IEpochStore.Reports, bytes, default)); // storing again is harmless
        Assert.Equal(bytes, await store.ReadAsync(IEpochStore.Reports, hash.ToString(), default));
        Assert.Null(await store.ReadAsync(IEpochStore.Distributions, hash.ToString(), default));
        Assert.Null(await store.ReadAsync(IEpochStore.Reports, HashOf('9'), default));
    }

    [Fact]
    public async Task Blob_hashes_are_read_in_any_case_as_the_one_hash()
    {
        var store = await NewStoreAsync();
        var bytes = "{\"x\":1}"u8.ToArray();
        var hash = await store.PutAsync(IEpochStore.Distributions, bytes, default);
        Assert.Equal(bytes, await store.ReadAsync(IEpochStore.Distributions, "0x" + hash.ToString()[2..].ToUpperInvariant(), default));
    }

    [Fact]
    public async Task Blob_names_are_hashes_only_and_kinds_are_the_two_known()
    {
        var store = await NewStoreAsync();
        await Assert.ThrowsAsync<EthereumException>(() => store.ReadAsync(IEpochStore.Reports, "../../etc/passwd", default));
        var kind = await Assert.ThrowsAsync<ArgumentException>(() => store.PutAsync("keys", [1], default));
        Assert.StartsWith("unknown blob kind 'keys'", kind.Message);
    }

    [Fact]
    public async Task Distribution_is_served_only_once_its_submission_is_posted_and_then_the_latest_posted_one()
    {
        var store = await NewStoreAsync();
        var computed = EpochComputation.Compute(File.ReadAllBytes(RepoPaths.Combine("examples", "performance-report.example.json")));
        var distribution = await store.PutAsync(IEpochStore.Distributions, computed.DistributionBytes, default);
        var sending = Submission(HashOf('1'), distribution.ToString(), EpochSubmission.Sending);
        await store.SaveAsync(sending, default);
        Assert.Null(await store.TryGetAsync(3, 1, default));
        Assert.Null(await store.GetPostedAsync(3, 1, default));

        await store.SaveAsync(sending with { Status = EpochSubmission.Posted, TxHash = "0xt" }, default);
        var served = await store.TryGetAsync(3, 1, default);
        Assert.NotNull(served);
        var allocations = computed.Distribution.Allocations;
        Assert.Equal(computed.Root.ToString(), served.Root);
        Assert.Equal(allocations.Select(l => l.Account.ToString().ToLowerInvariant()), served.Leaves.Select(l => l.Account));
        Assert.Equal(allocations.Select(l => l.Open.ToString()), served.Leaves.Select(l => l.OpenAmount));
        Assert.Equal(allocations.Select(l => l.Shares.ToString()), served.Leaves.Select(l => l.ShareAmount));
        Assert.Equal(allocations[0].Proof.Select(p => p.ToString()), served.Leaves[0].Proof);
        Assert.Same(served, await store.TryGetAsync(3, 1, default)); // parsed once, then cached by hash

        // Re-recording without a tx hash keeps the one known; a later posting of another report for the epoch stands.
        await store.SaveAsync(sending with { Status = EpochSubmission.Posted }, default);
        Assert.Equal("0xt", (await store.GetPostedAsync(3, 1, default))!.TxHash);
        var corrected = Submission(HashOf('2'), distribution.ToString(), EpochSubmission.Posted);
        await store.SaveAsync(corrected, default);
        Assert.Equal(corrected.ReportHash, (await store.GetPostedAsync(3, 1, default))!.ReportHash);
        Assert.Equal(2, (await store.ListAsync(3, 1, default)).Count);
        Assert.Empty(await store.ListAsync(3, 2, default));
    }

    [Fact]
    public async Task A_submission_saved_again_is_one_row_and_becomes_the_latest_change()
    {
        var store = await NewStoreAsync();
        var first = Submission(HashOf('1'), HashOf('d'), EpochSubmission.Sending);
        var second = Submission(HashOf('2'), HashOf('d'), EpochSubmission.Failed);
        await store.SaveAsync(first, default);
        await store.SaveAsync(second, default);
        Assert.Equal([second.ReportHash, first.ReportHash], (await store.ListAsync(3, 1, default)).Select(s => s.ReportHash));

        await store.SaveAsync(first with { Status = EpochSubmission.Posted, TxHash = "0xtx" }, default);
        var listed = await store.ListAsync(3, 1, default);
        Assert.Equal([first.ReportHash, second.ReportHash], listed.Select(s => s.ReportHash));
        Assert.Equal(first with { Status = EpochSubmission.Posted, TxHash = "0xtx" }, listed[0]);
    }

    [Fact]
    public async Task Submissions_by_status_come_oldest_change_first()
    {
        var store = await NewStoreAsync();
        var a = Submission(HashOf('a'), HashOf('d'), EpochSubmission.Sending, epoch: 1);
        var b = Submission(HashOf('b'), HashOf('d'), EpochSubmission.Sending, epoch: 2);
        var c = Submission(HashOf('c'), HashOf('d'), EpochSubmission.Posted, epoch: 3);
        foreach (var s in new[] { a, b, c }) await store.SaveAsync(s, default);
        await store.SaveAsync(a, default); // changed again: now after b
        Assert.Equal([b, a], await store.ListByStatusAsync(EpochSubmission.Sending, default));
        Assert.Equal([c], await store.ListByStatusAsync(EpochSubmission.Posted, default));
        Assert.Empty(await store.ListByStatusAsync(EpochSubmission.Failed, default));
    }
}
