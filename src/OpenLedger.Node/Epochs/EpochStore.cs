using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Reports and distributions stored content-addressed (files named by the keccak256 of their bytes under
/// {DataDirectory}/reports and /distributions) and the submissions table in its own SQLite file, epochs.db, so the
/// indexer's schema and migrations are untouched. Serves the proof route as <see cref="IDistributionStore"/>.
/// </summary>
public sealed class EpochStore : IDistributionStore
{
    public const string Reports = "reports";
    public const string Distributions = "distributions";

    private readonly string _directory;
    private readonly string _connectionString;
    private readonly ConcurrentDictionary<string, EpochDistribution> _parsed = new(StringComparer.Ordinal);

    public EpochStore(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(Path.Combine(directory, Reports));
        Directory.CreateDirectory(Path.Combine(directory, Distributions));
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

    private const string Columns = """
        model_id AS ModelId, epoch AS Epoch, report_hash AS ReportHash, distribution_hash AS DistributionHash, root AS Root,
        total_open AS TotalOpen, total_shares AS TotalShares, report_uri AS ReportUri, status AS Status, tx_hash AS TxHash
        """;

    /// <summary>Writes <paramref name="bytes"/> under their hash (to a temp name, then renamed, so a reader never sees half a file).</summary>
    public async Task<Hash32> PutAsync(string kind, byte[] bytes, CancellationToken ct)
    {
        var hash = Keccak.Hash(bytes);
        var path = BlobPath(kind, hash.ToString());
        if (File.Exists(path)) return hash;
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
        return hash;
    }

    /// <summary>The stored bytes of <paramref name="hash"/>, or null when this node has none.</summary>
    public async Task<byte[]?> ReadAsync(string kind, string hash, CancellationToken ct)
    {
        var path = BlobPath(kind, hash);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }

    private string BlobPath(string kind, string hash)
    {
        if (kind is not (Reports or Distributions)) throw new ArgumentException($"unknown blob kind '{kind}'", nameof(kind));
        // The hash is 0x + 64 hex digits, parsed so no caller-supplied text can reach the file system.
        return Path.Combine(_directory, kind, Hash32.Parse(hash).ToString() + ".json");
    }

    public async Task SaveAsync(EpochSubmission s, CancellationToken ct)
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
            """, s, cancellationToken: ct));
    }

    /// <summary>Every submission for the epoch, the latest first.</summary>
    public async Task<IReadOnlyList<EpochSubmission>> ListAsync(long modelId, long epoch, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<EpochSubmission>(new CommandDefinition(
            $"SELECT {Columns} FROM epoch_submissions WHERE model_id = @modelId AND epoch = @epoch ORDER BY updated_seq DESC;",
            new { modelId, epoch }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<EpochSubmission>> ListByStatusAsync(string status, CancellationToken ct)
    {
        await using var c = await OpenAsync(ct);
        return (await c.QueryAsync<EpochSubmission>(new CommandDefinition(
            $"SELECT {Columns} FROM epoch_submissions WHERE status = @status ORDER BY updated_seq;", new { status }, cancellationToken: ct))).AsList();
    }

    /// <summary>The submission that stands for the epoch: the latest one posted.</summary>
    public async Task<EpochSubmission?> GetPostedAsync(long modelId, long epoch, CancellationToken ct) =>
        (await ListAsync(modelId, epoch, ct)).FirstOrDefault(s => s.Status == EpochSubmission.Posted);

    public async Task<EpochDistribution?> TryGetAsync(long modelId, long epoch, CancellationToken cancellationToken)
    {
        var posted = await GetPostedAsync(modelId, epoch, cancellationToken);
        if (posted is null) return null;
        if (_parsed.TryGetValue(posted.DistributionHash, out var cached)) return cached;
        var bytes = await ReadAsync(Distributions, posted.DistributionHash, cancellationToken);
        if (bytes is null) return null;
        return _parsed[posted.DistributionHash] = ToEpochDistribution(modelId, epoch, bytes);
    }

    private static EpochDistribution ToEpochDistribution(long modelId, long epoch, byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        var leaves = root.GetProperty("leaves").EnumerateArray().Select(l => new DistributionLeaf(
            l.GetProperty("index").GetInt64(),
            l.GetProperty("account").GetString()!.ToLowerInvariant(),
            l.GetProperty("open").GetString()!,
            l.GetProperty("shares").GetString()!,
            [.. l.GetProperty("proof").EnumerateArray().Select(p => p.GetString()!)])).ToArray();
        var precision = root.TryGetProperty("precision", out var p)
            ? new PrecisionResponse(p.GetProperty("modelClass").GetString()!, p.GetProperty("lds").GetDouble(), p.GetProperty("lower").GetDouble(),
                p.GetProperty("upper").GetDouble(), p.GetProperty("subsets").GetInt32(), p.GetProperty("confidence").GetDouble())
            : null;
        return new EpochDistribution(modelId, epoch, root.GetProperty("root").GetString()!, leaves, precision);
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var c = new SqliteConnection(_connectionString);
        await c.OpenAsync(ct);
        return c;
    }
}
