using Microsoft.Extensions.Options;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Watches the inbox folder and submits each complete report. "Complete" means a *.json name (writers write a
/// temporary name, e.g. report.json.tmp, then rename — an atomic step) whose size and write time did not change
/// between two polls, so a file written in place is not read half-way. Handled files move to processed/ or
/// rejected/ (with a .problems.txt saying which field is wrong and why).
/// </summary>
public sealed class ReportInbox(EpochSubmitter submitter, IOptions<EpochOptions> options, ILogger<ReportInbox> logger) : BackgroundService
{
    private readonly Dictionary<string, (long Length, DateTime Written)> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbox = options.Value.InboxPath;
        if (inbox.Length == 0) return;
        Directory.CreateDirectory(inbox);
        Directory.CreateDirectory(Path.Combine(inbox, "processed"));
        Directory.CreateDirectory(Path.Combine(inbox, "rejected"));
        logger.LogInformation("Watching {Inbox} for performance reports", inbox);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A standby leaves the files for when it leads (the leader watches its own inbox).
                if (submitter.Refusal is null) await PollAsync(inbox, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One unreadable file or a chain hiccup must not stop the watcher; the file stays for the next poll.
                logger.LogError(e, "Processing the report inbox {Inbox} failed", inbox);
            }
            try
            {
                await Task.Delay(options.Value.InboxPollingInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; } // stopped: no failure (see EpochRecovery)
        }
    }

    /// <summary>One pass over the folder: submits every file that has been stable since the previous pass.</summary>
    public async Task PollAsync(string inbox, CancellationToken ct)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(inbox, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.')) continue;
            present.Add(path);
            var info = new FileInfo(path);
            var state = (info.Length, info.LastWriteTimeUtc);
            if (!_seen.TryGetValue(path, out var before) || before != state)
            {
                _seen[path] = state;
                continue;
            }
            _seen.Remove(path);
            var bytes = await File.ReadAllBytesAsync(path, ct);
            var outcome = await submitter.SubmitAsync(bytes, $"inbox file {name}", ct);
            var accepted = outcome.Status is SubmissionStatus.Posted or SubmissionStatus.AlreadyPosted;
            var target = Path.Combine(inbox, accepted ? "processed" : "rejected", name);
            File.Move(path, target, overwrite: true);
            if (!accepted)
                await File.WriteAllLinesAsync(target + ".problems.txt",
                    [$"{outcome.Status}: {outcome.Detail}", .. outcome.Problems.Select(p => p.ToString())], ct);
        }
        foreach (var gone in _seen.Keys.Where(k => !present.Contains(k)).ToArray()) _seen.Remove(gone);
    }
}
