using OpenLedger.Ethereum.Primitives;
using OpenLedger.Indexer.Chain;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Rows;
using OpenLedger.Indexer.Store.Sql;
using OpenLedger.Indexer.Store.Views;
using OpenLedger.Indexer.Tests.Support;

namespace OpenLedger.Indexer.Tests;

/// <summary>
/// A reveal that takes content back (ContributionSuperseded) in the store (one derived class per engine): the superseded registration and the
/// revealer's share one content-addressed id, each keeps its own row and status, and events go to the registration
/// that was current when they happened.
/// </summary>
public abstract class SupersessionStoreTests
{
    private const string Copier = "0x00000000000000000000000000000000000c0b1e";
    private const string Alice = "0x00000000000000000000000000000000000a11ce";
    private const string Validator = "0x0000000000000000000000000000000000000a1d";
    private const string Id = "0x00000000000000000000000000000000000000000000000000000000000000aa";
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly StoreEngine _engine;
    private readonly SqlIndexStore _store;

    protected SupersessionStoreTests(StoreEngine engine)
    {
        _engine = engine;
        _store = engine.CreateAsync("index").GetAwaiter().GetResult();
    }

    private static RangeBatch Batch(long from, long to)
    {
        var batch = new RangeBatch(from, new BlockHeader(to, Keccak.Hash($"block {to}"), Keccak.Hash($"block {to - 1}")));
        batch.RememberBlock(new BlockRef(to, Keccak.Hash($"block {to}")));
        return batch;
    }

    private static ContributionRow Registration(long block, int log, string contributor) =>
        new(block, log, 0, Keccak.Hash($"tx {block}"), Hash32.Parse(Id), 1, Address.Parse(contributor), Keccak.Hash("content"), 0, "ipfs://x", "1000");

    /// <summary>Blocks 1-4: the copier registers (2) and is flagged (3). Blocks 5-9: alice's reveal takes it back (5), she is flagged (6).</summary>
    private static (RangeBatch Before, RangeBatch Reveal) Ranges()
    {
        var before = Batch(1, 4);
        before.Contributions.Add(Registration(2, 0, Copier));
        before.Flags.Add(new FlagRow(3, 0, "0x03", Id, Validator, FlagRow.Flagged, "copied"));
        var reveal = Batch(5, 9);
        reveal.Supersessions.Add(new SupersessionRow(5, 0, "0x05", Id, 1, Copier, Alice, "1000"));
        reveal.Contributions.Add(Registration(5, 1, Alice));
        reveal.Flags.Add(new FlagRow(6, 0, "0x06", Id, Validator, FlagRow.Flagged, "also bad"));
        return (before, reveal);
    }

    private async Task<IReadOnlyList<(string Contributor, string Status, string CurrentBond)>> ListAsync(ContributionQuery query) =>
        [.. (await _store.ListContributionsAsync(query, Ct)).Select(c => (c.Contributor, c.Status, c.CurrentBond))];

    [Fact]
    public async Task The_superseded_registration_keeps_its_row_as_superseded_and_the_id_names_the_revealers()
    {
        var (before, reveal) = Ranges();
        await _store.CommitRangeAsync(before, 128, Ct);
        await _store.CommitRangeAsync(reveal, 128, Ct);

        var current = (await _store.GetContributionAsync(Hash32.Parse(Id), Ct))!;
        Assert.Equal((Alice, "flagged", "1000", 5L, 1), (current.Contributor, current.Status, current.CurrentBond, current.RegisteredBlock, current.LogIndex));
        Assert.Equal([(Copier, "superseded", "0"), (Alice, "flagged", "1000")], await ListAsync(new ContributionQuery(ModelId: 1)));
        Assert.Equal([(Copier, "superseded", "0")], await ListAsync(new ContributionQuery(Status: "superseded")));
        Assert.Equal([(Copier, "superseded", "0")], await ListAsync(new ContributionQuery(Contributor: Copier)));
        Assert.Equal([1L], await _store.ListContributedModelsAsync(Copier, Ct));
    }

    [Fact]
    public async Task Rewinding_the_reveal_gives_the_content_back_to_the_copier_as_it_was()
    {
        var (before, reveal) = Ranges();
        await _store.CommitRangeAsync(before, 128, Ct);
        var atFour = _engine.Dump(_store);
        await _store.CommitRangeAsync(reveal, 128, Ct);

        await _store.RewindAsync(new BlockRef(4, Keccak.Hash("block 4")), Ct);
        Assert.Equal(atFour, _engine.Dump(_store));
        var current = (await _store.GetContributionAsync(Hash32.Parse(Id), Ct))!;
        Assert.Equal((Copier, "flagged", "1000"), (current.Contributor, current.Status, current.CurrentBond));
    }

    [Fact]
    public async Task Replaying_the_ranges_or_committing_them_together_gives_the_same_database()
    {
        var (before, reveal) = Ranges();
        await _store.CommitRangeAsync(before, 128, Ct);
        await _store.CommitRangeAsync(reveal, 128, Ct);
        var once = _engine.Dump(_store);
        await _store.CommitRangeAsync(before, 128, Ct);
        await _store.CommitRangeAsync(reveal, 128, Ct);
        Assert.Equal(once, _engine.Dump(_store));

        var together = await _engine.CreateAsync("together");
        await together.CommitRangesAsync([before, reveal], 128, Ct);
        Assert.Equal(once, _engine.Dump(together));
    }
}
