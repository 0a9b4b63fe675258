using Npgsql;
using OpenLedger.Node.Epochs;
using OpenLedger.TestSupport;

namespace OpenLedger.Node.Tests.Epochs;

/// <summary>
/// The epoch store contract on PostgreSQL (a private server for the class, a database per store), plus what only the
/// shared database has: two writers at once, tables created by writers only, readers before any writer.
/// </summary>
public sealed class PostgresEpochStoreTests(PostgresServer server) : EpochStoreContract, IClassFixture<PostgresServer>, IAsyncLifetime
{
    private readonly List<PostgresEpochStore> _stores = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores) await store.DisposeAsync();
    }

    private PostgresEpochStore Open(string connectionString)
    {
        var store = new PostgresEpochStore(connectionString);
        _stores.Add(store);
        return store;
    }

    protected override async Task<IEpochStore> NewStoreAsync()
    {
        var store = Open(server.CreateDatabase("epochs"));
        await store.CreateSchemaAsync(default);
        return store;
    }

    [Fact]
    public async Task Two_writers_on_one_database_save_at_once_and_their_changes_keep_one_order()
    {
        var database = server.CreateDatabase("two_writers");
        var (first, second) = (Open(database), Open(database));
        await Task.WhenAll(first.CreateSchemaAsync(default), second.CreateSchemaAsync(default)); // both create: no collision
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? first : second).SaveAsync(
            Submission("0x" + i.ToString("x64"), HashOf('d'), EpochSubmission.Sending, epoch: 1), default)));
        Assert.Equal(40, (await first.ListAsync(3, 1, default)).Count);

        // A change by one writer is the latest for the other too.
        var one = Submission("0x" + 7.ToString("x64"), HashOf('d'), EpochSubmission.Posted);
        await second.SaveAsync(one, default);
        Assert.Equal(one, await first.GetPostedAsync(3, 1, default));
        Assert.Equal(one.ReportHash, (await first.ListAsync(3, 1, default))[0].ReportHash);
        Assert.Equal(39, (await second.ListByStatusAsync(EpochSubmission.Sending, default)).Count);
    }

    [Fact]
    public async Task A_writer_that_lost_the_race_for_an_epoch_does_not_take_back_the_winners_posted_row()
    {
        var database = server.CreateDatabase("lost_race");
        var (winner, loser) = (Open(database), Open(database));
        await winner.CreateSchemaAsync(default);
        var submission = Submission(HashOf('1'), HashOf('d'), EpochSubmission.Sending);
        await winner.SaveAsync(submission, default);
        await loser.SaveAsync(submission, default);
        await winner.SaveAsync(submission with { Status = EpochSubmission.Posted, TxHash = "0xwin" }, default);
        await loser.SaveAsync(submission with { Status = EpochSubmission.Failed }, default); // its postEpoch reverted
        Assert.Equal(submission with { Status = EpochSubmission.Posted, TxHash = "0xwin" }, await loser.GetPostedAsync(3, 1, default));
        Assert.Empty(await winner.ListByStatusAsync(EpochSubmission.Failed, default));
    }

    [Fact]
    public async Task Before_any_writer_created_the_tables_a_reader_finds_no_epochs_and_creates_nothing()
    {
        var database = server.CreateDatabase("no_tables");
        var store = Open(database);
        Assert.Null(await store.ReadAsync(IEpochStore.Reports, HashOf('1'), default));
        Assert.Empty(await store.ListAsync(3, 1, default));
        Assert.Empty(await store.ListByStatusAsync(EpochSubmission.Sending, default));
        Assert.Null(await store.TryGetAsync(3, 1, default));
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace;", connection);
        Assert.Equal(0L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_write_before_the_tables_exist_fails_rather_than_creating_them()
    {
        var store = Open(server.CreateDatabase("write_no_tables"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => store.PutAsync(IEpochStore.Reports, [1], default));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_by_setting_without_the_password()
    {
        var store = Open($"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=u;Password=s3cret-epochs;Database=gone;Timeout=3");
        var error = await Assert.ThrowsAsync<EpochStoreException>(() => store.ListAsync(3, 1, default));
        Assert.StartsWith("reading submissions from PostgreSQL database 'gone' on 127.0.0.1:", error.Message);
        Assert.Contains("(Store:ConnectionString)", error.Message);
        Assert.DoesNotContain("s3cret-epochs", error.Message);
    }

    [Fact]
    public void A_malformed_connection_string_is_refused_naming_the_setting_without_its_value()
    {
        var error = Assert.Throws<EpochStoreException>(() => new PostgresEpochStore("Host=x;Pasword=s3cret-typo"));
        Assert.StartsWith("Store:ConnectionString is not a valid PostgreSQL connection string", error.Message);
        Assert.DoesNotContain("s3cret-typo", error.Message);
    }
}
