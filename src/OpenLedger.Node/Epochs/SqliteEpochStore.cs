using Dapper;
using Microsoft.Data.Sqlite;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The epoch store beside a SQLite index: reports and distributions as files named by their keccak256 under
/// {DataDirectory}/reports and /distributions, the submissions table in its own SQLite file, epochs.db, so the
/// indexer's schema and migrations are untouched. Local to the process that took the reports.
/// </summary>
public sealed class SqliteEpochStore : EpochStoreBase
{
    private readonly string _directory;
    private readonly string _connectionString;

    public SqliteEpochStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(Path.Combine(directory, IEpochStore.Reports));
        Directory.CreateDirectory(Path.Combine(directory, IEpochStore.Distributions));
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "epochs.db"), Pooling = true }.ToString();
        using var c = new SqliteConnection(_connectionString);
        c.Open();
        c.Execute(Schema);
    }

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS epoch_submissions (
          model_id INTEGER NOT NULL, epoch INTEGER NOT NULL, report_hash TEXT NOT NULL, distribution_hash TEXT NOT NULL,
          root TEXT NOT NULL, total_open TEXT NOT NULL, total_shares TEXT NOT NULL, report_uri TEXT NOT NULL,
          status TEXT NOT NULL, tx_hash TEXT, updated_seq INTEGER NOT NULL,
          PRIMARY KEY (model_id, epoch, report_hash));
        CREATE INDEX IF NOT EXISTS epoch_submissions_status ON epoch_submissions (status);
        """;

    /// <summary>Writes <paramref name="bytes"/> under their hash (to a temp name, then renamed, so a reader never sees half a file).</summary>
    public override async Task<Hash32> PutAsync(string kind, byte[] bytes, CancellationToken ct)
    {
        var hash = Keccak.Hash(bytes);
        var path = BlobPath(kind, hash.ToString());
        if (File.Exists(path)) return hash;
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
        return hash;
    }

    public override async Task<byte[]?> ReadAsync(string kind, string hash, CancellationToken ct)
    {
        var path = BlobPath(kind, hash);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    private string BlobPath(string kind, string hash) => Path.Combine(_directory, kind, CheckedHash(kind, hash) + ".json");

    // One writing process per epochs.db (SQLite serialises writers), so MAX + 1 in the statement orders the changes.
    public override async Task SaveAsync(EpochSubmission submission, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO epoch_submissions (model_id, epoch, report_hash, distribution_hash, root, total_open, total_shares,
              report_uri, status, tx_hash, updated_seq)
            VALUES (@ModelId, @Epoch, @ReportHash, @DistributionHash, @Root, @TotalOpen, @TotalShares, @ReportUri, @Status, @TxHash,
              (SELECT COALESCE(MAX(updated_seq), 0) + 1 FROM epoch_submissions))
            ON CONFLICT (model_id, epoch, report_hash) DO UPDATE SET distribution_hash = excluded.distribution_hash,
              root = excluded.root, total_open = excluded.total_open, total_shares = excluded.total_shares,
              report_uri = excluded.report_uri, status = excluded.status, tx_hash = COALESCE(excluded.tx_hash, tx_hash),
              updated_seq = excluded.updated_seq;
            """, submission, cancellationToken: ct));
    }

    public override async Task<IReadOnlyList<EpochSubmission>> ListAsync(long modelId, long epoch, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<EpochSubmission>(new CommandDefinition(
            $"SELECT {Columns} FROM epoch_submissions WHERE model_id = @modelId AND epoch = @epoch ORDER BY updated_seq DESC;",
            new { modelId, epoch }, cancellationToken: ct))).AsList();
    }

    public override async Task<IReadOnlyList<EpochSubmission>> ListByStatusAsync(string status, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<EpochSubmission>(new CommandDefinition(
            $"SELECT {Columns} FROM epoch_submissions WHERE status = @status ORDER BY updated_seq;", new { status }, cancellationToken: ct))).AsList();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(ct);
        return c;
    }
}
