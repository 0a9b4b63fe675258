namespace OpenLedger.Indexer.Leadership;

/// <summary>
/// The lease on a SQLite store: an exclusive lock on the file <c>&lt;database&gt;.leader</c> beside it (.NET takes
/// flock on Unix for FileShare.None), which the kernel drops when the process dies. The file names the holder.
/// </summary>
public sealed class SqliteLeaderLease(string databasePath) : ILeaderLease
{
    private readonly string _path = databasePath + ".leader";
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
        _held.SetLength(0);
        var text = System.Text.Encoding.UTF8.GetBytes($"{ILeaderLease.Self} since {DateTimeOffset.UtcNow:O}\n");
        await _held.WriteAsync(text, cancellationToken);
        await _held.FlushAsync(cancellationToken);
        return true;
    }

    public async Task<string> DescribeHolderAsync(CancellationToken cancellationToken)
    {
        if (_held is not null) return ILeaderLease.Self;
        try
        {
            // The holder's lock keeps others from opening the file for writing, not from reading it.
            await using var read = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(read);
            var text = (await reader.ReadToEndAsync(cancellationToken)).Trim();
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
