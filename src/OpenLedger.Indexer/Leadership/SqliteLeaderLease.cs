namespace OpenLedger.Indexer.Leadership;

/// <summary>
/// The lease on a SQLite store: an exclusive lock on the file <c>&lt;database&gt;.leader</c> beside it (.NET takes
/// flock on Unix for FileShare.None), which the kernel drops when the process dies. The holder names itself in
/// <c>&lt;database&gt;.leader.holder</c>: the locked file cannot be opened by others even to read it.
/// </summary>
public sealed class SqliteLeaderLease(string databasePath) : ILeaderLease
{
    private readonly string _path = databasePath + ".leader";
    private readonly string _holderPath = databasePath + ".leader.holder";
    private FileStream? _held;

    public CancellationToken Lost => CancellationToken.None;

    public async Task<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        if (_held is not null) return true;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        try
        {
            _held = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return false;
        }
        await File.WriteAllTextAsync(_holderPath, $"{ILeaderLease.Self} since {DateTimeOffset.UtcNow:O}\n", cancellationToken);
        return true;
    }

    public async Task<string> DescribeHolderAsync(CancellationToken cancellationToken)
    {
        if (_held is not null) return ILeaderLease.Self;
        try
        {
            var text = (await File.ReadAllTextAsync(_holderPath, cancellationToken)).Trim();
            return text.Length == 0 ? "an indexer" : text;
        }
        catch (IOException) { return "an indexer"; }
    }

    public ValueTask DisposeAsync()
    {
        _held?.Dispose();
        _held = null;
        return ValueTask.CompletedTask;
    }
}
