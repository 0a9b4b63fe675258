using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Distributions;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Where a node keeps what it posted: reports and distributions content-addressed (named by the keccak256 of their
/// bytes) and one row per submission. <see cref="SqliteEpochStore"/> keeps them beside a SQLite index (files and
/// epochs.db), <see cref="PostgresEpochStore"/> in the PostgreSQL database every role of the node shares. The submitter,
/// the start-up recovery, the inbox and the report routes use this; the proof routes use it as <see cref="IDistributionStore"/>.
/// </summary>
public interface IEpochStore : IDistributionStore
{
    /// <summary>Blob kind: the performance reports, byte for byte as submitted.</summary>
    const string Reports = "reports";

    /// <summary>Blob kind: the canonical distributions (<see cref="EpochDistributionJson"/>).</summary>
    const string Distributions = "distributions";

    /// <summary>Stores <paramref name="bytes"/> under their keccak256, which it returns; storing the same bytes again changes nothing.</summary>
    Task<Hash32> PutAsync(string kind, byte[] bytes, CancellationToken ct);

    /// <summary>The stored bytes of <paramref name="hash"/>, or null when the store has none.</summary>
    Task<byte[]?> ReadAsync(string kind, string hash, CancellationToken ct);

    /// <summary>Records <paramref name="submission"/> (one row per model, epoch and report hash) as the latest change.</summary>
    Task SaveAsync(EpochSubmission submission, CancellationToken ct);

    /// <summary>Every submission for the epoch, the latest first.</summary>
    Task<IReadOnlyList<EpochSubmission>> ListAsync(long modelId, long epoch, CancellationToken ct);

    /// <summary>The submissions with <paramref name="status"/>, the oldest change first.</summary>
    Task<IReadOnlyList<EpochSubmission>> ListByStatusAsync(string status, CancellationToken ct);

    /// <summary>The submission that stands for the epoch: the latest one posted.</summary>
    Task<EpochSubmission?> GetPostedAsync(long modelId, long epoch, CancellationToken ct);
}
