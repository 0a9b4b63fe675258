using System.Collections.Concurrent;
using System.Text.Json;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// What both epoch stores share: the blob kinds and hashes they accept, which submission stands for an epoch, and the
/// parsed distributions the proof routes read, cached by hash (a distribution's bytes never change under its hash).
/// </summary>
public abstract class EpochStoreBase : IEpochStore
{
    private readonly ConcurrentDictionary<string, EpochDistribution> _parsed = new(StringComparer.Ordinal);

    /// <summary>The epoch_submissions columns as <see cref="EpochSubmission"/> names them: the same table on both engines.</summary>
    protected const string Columns = """
        model_id AS ModelId, epoch AS Epoch, report_hash AS ReportHash, distribution_hash AS DistributionHash, root AS Root,
        total_open AS TotalOpen, total_shares AS TotalShares, report_uri AS ReportUri, status AS Status, tx_hash AS TxHash
        """;

    public abstract Task<Hash32> PutAsync(string kind, byte[] bytes, CancellationToken ct);

    public abstract Task<byte[]?> ReadAsync(string kind, string hash, CancellationToken ct);

    public abstract Task SaveAsync(EpochSubmission submission, CancellationToken ct);

    public abstract Task<IReadOnlyList<EpochSubmission>> ListAsync(long modelId, long epoch, CancellationToken ct);

    public abstract Task<IReadOnlyList<EpochSubmission>> ListByStatusAsync(string status, CancellationToken ct);

    public async Task<EpochSubmission?> GetPostedAsync(long modelId, long epoch, CancellationToken ct) =>
        (await ListAsync(modelId, epoch, ct)).FirstOrDefault(s => s.Status == EpochSubmission.Posted);

    public async Task<EpochDistribution?> TryGetAsync(long modelId, long epoch, CancellationToken cancellationToken)
    {
        var posted = await GetPostedAsync(modelId, epoch, cancellationToken);
        if (posted is null) return null;
        if (_parsed.TryGetValue(posted.DistributionHash, out var cached)) return cached;
        var bytes = await ReadAsync(IEpochStore.Distributions, posted.DistributionHash, cancellationToken);
        if (bytes is null) return null;
        return _parsed[posted.DistributionHash] = ToEpochDistribution(modelId, epoch, bytes);
    }

    /// <summary>
    /// <paramref name="hash"/> in its one spelling (0x + 64 lower-case hex digits), after checking <paramref name="kind"/>:
    /// parsed, so no caller-supplied text reaches a file name or a query as it came.
    /// </summary>
    protected static string CheckedHash(string kind, string hash)
    {
        if (kind is not (IEpochStore.Reports or IEpochStore.Distributions)) throw new ArgumentException($"unknown blob kind '{kind}'", nameof(kind));
        return Hash32.Parse(hash).ToString();
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
}
