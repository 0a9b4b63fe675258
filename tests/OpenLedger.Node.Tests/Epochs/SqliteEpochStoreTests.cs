using OpenLedger.Node.Epochs;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

/// <summary>The epoch store contract on the SQLite store's files and epochs.db, each test in its own folder.</summary>
public sealed class SqliteEpochStoreTests : EpochStoreContract, IDisposable
{
    private readonly TempDirectory _directory = new();
    private int _stores;

    public void Dispose() => _directory.Dispose();

    protected override Task<IEpochStore> NewStoreAsync() =>
        Task.FromResult<IEpochStore>(new SqliteEpochStore(_directory.File($"store-{++_stores}")));

    [Fact]
    public async Task Blobs_are_files_named_by_their_hash()
    {
        var store = new SqliteEpochStore(_directory.Path);
        var hash = await store.PutAsync(IEpochStore.Reports, [5, 6], default);
        Assert.Equal([5, 6], File.ReadAllBytes(Path.Combine(_directory.Path, "reports", hash + ".json")));
        Assert.True(File.Exists(Path.Combine(_directory.Path, "epochs.db")));
    }
}
