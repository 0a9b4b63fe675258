using OpenLedger.Indexer.Leadership;
using OpenLedger.Attribution;
using OpenLedger.Attribution.Reports;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using Microsoft.Extensions.Options;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// The one pipeline behind POST /reports and the inbox folder: parse and validate, check against the chain,
/// attribute, store content-addressed, post the epoch, record it. One report at a time, so two submissions of the
/// same epoch cannot race. Idempotent by report hash: the same report again answers the existing result.
/// </summary>
public sealed class EpochSubmitter(IEpochStore store, ReporterChain chain, ReportCrossCheck crossCheck,
    IOptions<EpochOptions> options, WriterStanding standing, ILogger<EpochSubmitter> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Why this process may not post now (a standby, or a leader that lost its lease), or null.</summary>
    public string? Refusal => standing.Refusal;

    public async Task<SubmissionOutcome> SubmitAsync(byte[] reportBytes, string source, CancellationToken ct)
    {
        // Only the leader posts: a standby holds the same reporter key, and two senders of one key race for its nonces.
        if (standing.Refusal is { } refusal) return SubmissionOutcome.NotTheLeader(refusal);
        await _gate.WaitAsync(ct);
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await RunAsync(reportBytes, ct);
            if (outcome.Status is SubmissionStatus.Posted or SubmissionStatus.AlreadyPosted)
                logger.LogInformation("Report {ReportHash} from {Source}: {Status} as model {ModelId} epoch {Epoch}, root {Root}, in {ElapsedMs} ms",
                    outcome.Submission!.ReportHash, source, outcome.Status, outcome.Submission.ModelId, outcome.Submission.Epoch, outcome.Submission.Root,
                    (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            else
                foreach (var problem in outcome.Problems.DefaultIfEmpty(new ReportProblem("", outcome.Detail)))
                    logger.LogWarning("Report from {Source} {Status}: {Field}: {Problem}", source, outcome.Status,
                        problem.Path.Length == 0 ? "(report)" : problem.Path, problem.Problem);
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SubmissionOutcome> RunAsync(byte[] reportBytes, CancellationToken ct)
    {
        PerformanceReport report;
        try { report = EpochComputation.Parse(reportBytes); }
        catch (ReportValidationException e) { return SubmissionOutcome.Rejected(e.Problems); }
        if (report.ModelId > long.MaxValue || report.Epoch > long.MaxValue)
            return SubmissionOutcome.Rejected([new("modelId", $"model {report.ModelId} epoch {report.Epoch} is beyond what this node indexes")]);
        var (modelId, epoch) = ((long)report.ModelId, (long)report.Epoch);
        var reportHash = Keccak.Hash(reportBytes).ToString();

        var onChain = await chain.Distributor.EpochAsync(report.ModelId, report.Epoch, ct: ct);
        var onChainHash = onChain.ReportHash.ToString();
        var known = await store.ListAsync(modelId, epoch, ct);
        var mine = known.FirstOrDefault(s => s.ReportHash == reportHash);
        if (onChain.Status == EpochStatus.Posted && onChainHash == reportHash && mine is not null)
        {
            // Posted already — by this node earlier, or by a run that crashed between sending and recording.
            var posted = mine.Status == EpochSubmission.Posted ? mine : mine with { Status = EpochSubmission.Posted };
            if (!ReferenceEquals(posted, mine)) await store.SaveAsync(posted, ct);
            return new(SubmissionStatus.AlreadyPosted, posted, [], $"model {modelId} epoch {epoch} is already posted with this report");
        }
        if (onChain.Status == EpochStatus.Posted && onChainHash != reportHash)
            return Conflict(modelId, epoch, $"model {modelId} epoch {epoch} is already posted with report hash {onChainHash}; this report's hash is " +
                $"{reportHash}. A different report can be posted only after the epoch is vetoed");
        if (onChain.Status == EpochStatus.Vetoed && onChainHash == reportHash)
            return Conflict(modelId, epoch, $"model {modelId} epoch {epoch} was vetoed with this very report ({reportHash}); post a corrected report");

        var alreadyOnChain = onChain.Status == EpochStatus.Posted; // same hash, posted by someone this node has no record of
        var problems = await crossCheck.CheckAsync(report, alreadyOnChain, ct);
        if (problems.Count > 0) return SubmissionOutcome.Rejected(problems);

        EpochComputation computed;
        try { computed = EpochComputation.Compute(reportBytes, report); }
        catch (AttributionException e) { return SubmissionOutcome.Rejected([new("attribution", e.Message)]); }
        if (computed.Root is not { } root)
            return SubmissionOutcome.Rejected([new("rewards", "the distribution allocates nothing (no contribution has a positive value, or the budget is 0): there is no epoch to post")]);

        await store.PutAsync(IEpochStore.Reports, reportBytes, ct);
        var distributionHash = await store.PutAsync(IEpochStore.Distributions, computed.DistributionBytes, ct);
        var submission = new EpochSubmission
        {
            ModelId = modelId, Epoch = epoch, ReportHash = reportHash, DistributionHash = distributionHash.ToString(),
            Root = root.ToString(), TotalOpen = computed.Distribution.TotalOpen.ToString(), TotalShares = computed.Distribution.TotalShares.ToString(),
            ReportUri = ReportUri(options.Value.PublicBaseUrl, modelId, epoch),
            Status = alreadyOnChain ? EpochSubmission.Posted : EpochSubmission.Sending,
        };
        if (onChain.Status == EpochStatus.Posted && onChain.Root != root)
            return Conflict(modelId, epoch, $"model {modelId} epoch {epoch} is posted with this report's hash but root {onChain.Root}, not the recomputed {root}");
        await store.SaveAsync(submission, ct);
        if (alreadyOnChain) return new(SubmissionStatus.AlreadyPosted, submission, [], $"model {modelId} epoch {epoch} is already posted with this report");
        return await PostAsync(submission, root, computed.Distribution, computed.ReportHash, ct);
    }

    private async Task<SubmissionOutcome> PostAsync(EpochSubmission submission, Hash32 root, Distribution distribution, Hash32 reportHash,
        CancellationToken ct)
    {
        try
        {
            var reporter = await chain.ReporterAsync(ct);
            var receipt = await reporter.PostEpochAsync(submission.ModelId, submission.Epoch, root, distribution.TotalOpen, distribution.TotalShares,
                reportHash, submission.ReportUri, ct);
            var posted = submission with { Status = EpochSubmission.Posted, TxHash = receipt.TransactionHash.ToString() };
            await store.SaveAsync(posted, ct);
            return new(SubmissionStatus.Posted, posted, [], $"posted in transaction {receipt.TransactionHash}");
        }
        catch (ContractRevertException e)
        {
            await store.SaveAsync(submission with { Status = EpochSubmission.Failed }, ct);
            return new(SubmissionStatus.Failed, submission, [], $"postEpoch reverted: {e.Message}");
        }
        catch (EthereumException e)
        {
            // The transaction may still be mined: the row stays "sending" and the next start (or the same report
            // submitted again) finds the epoch on chain instead of posting twice.
            return new(SubmissionStatus.Failed, submission, [], $"postEpoch did not complete: {e.Message}");
        }
    }

    /// <summary>
    /// Marks as posted every "sending" submission whose epoch is on chain with its report hash: the node stopped
    /// between sending postEpoch and recording it. Returns how many were recovered.
    /// </summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        var recovered = 0;
        foreach (var s in await store.ListByStatusAsync(EpochSubmission.Sending, ct))
        {
            var onChain = await chain.Distributor.EpochAsync(s.ModelId, s.Epoch, ct: ct);
            if (onChain.Status != EpochStatus.Posted || onChain.ReportHash.ToString() != s.ReportHash) continue;
            await store.SaveAsync(s with { Status = EpochSubmission.Posted }, ct);
            logger.LogInformation("Model {ModelId} epoch {Epoch} is on chain with report {ReportHash}: recorded as posted, not posted again",
                s.ModelId, s.Epoch, s.ReportHash);
            recovered++;
        }
        return recovered;
    }

    public static string ReportUri(string baseUrl, long modelId, long epoch) => $"{baseUrl.TrimEnd('/')}/models/{modelId}/epochs/{epoch}/report";

    private static SubmissionOutcome Conflict(long modelId, long epoch, string detail) =>
        new(SubmissionStatus.Conflict, null, [new("epoch", detail)], detail);
}
