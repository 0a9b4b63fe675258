using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Indexer.Decoding;
using OpenLedger.Indexer.Store;
using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Epochs;

/// <summary>
/// Checks a parsed report against the chain as indexed and as the contracts answer now: every contribution exists,
/// belongs to the report's model, is described as registered (contributor, content, block, log index — the order
/// that decides duplicates; a registration a reveal superseded is not the id's registration), is not credited when slashed and is not a later copy of content someone else
/// registered first; the test set is the one the model owner sealed on chain for the epoch; the epoch is the model's
/// next one (or its vetoed last one); the budget fits the reward pool. Each problem names the report field, like the parser's.
/// </summary>
public sealed class ReportCrossCheck(IIndexReader index, ReporterChain chain)
{
    private const int PageSize = 5_000;

    /// <summary>
    /// The problems of <paramref name="report"/>. With <paramref name="alreadyPosted"/> (the chain holds this very report
    /// for its epoch) the epoch number and the pool are not checked: the epoch is in place and its OPEN already reserved.
    /// </summary>
    public async Task<IReadOnlyList<ReportProblem>> CheckAsync(PerformanceReport report, bool alreadyPosted, CancellationToken ct)
    {
        var problems = new List<ReportProblem>();
        var model = report.ModelId > long.MaxValue ? null : await index.GetModelAsync((long)report.ModelId, ct);
        if (model is null)
        {
            var cursor = await index.GetCursorAsync(ct);
            problems.Add(new("modelId", $"model {report.ModelId} does not exist (indexed up to block {cursor?.Number.ToString() ?? "none"})"));
            return problems;
        }
        var modelId = (long)report.ModelId;
        // The model owner's minimum precision (policy minPrecisionBps, as indexed): below it, nothing is posted.
        if (Attribution.Precision.PrecisionPolicy.Check(report, report.ModelId, model.MinPrecisionBps) is { } belowMinimum) problems.Add(belowMinimum);
        await CheckEvaluationAsync(report, modelId, problems, ct);
        await CheckContributionsAsync(report, modelId, problems, ct);
        await CheckCohortBoundariesAsync(report, modelId, problems, ct);
        if (alreadyPosted) return problems;
        await CheckEpochNumberAsync(report, problems, ct);
        var pool = await chain.Distributor.RewardPoolAsync(report.ModelId, ct: ct);
        if (report.Rewards.Open > pool)
            problems.Add(new("rewards.open", $"the budget {report.Rewards.Open} exceeds model {modelId}'s reward pool {pool} on chain"));
        return problems;
    }

    /// <summary>
    /// The report must be scored on the evaluation set the model owner committed for its epoch before posting
    /// (RewardDistributor.commitEvaluationSet): a set chosen after the contributions were seen, or one already revealed,
    /// has a different hash.
    /// </summary>
    private async Task CheckEvaluationAsync(PerformanceReport report, long modelId, List<ReportProblem> problems, CancellationToken ct)
    {
        var reported = report.Evaluation.TestSetHash.ToString();
        var committed = report.Epoch <= long.MaxValue ? await index.GetEvaluationCommitmentAsync(modelId, (long)report.Epoch, ct) : null;
        if (committed is null)
        {
            var cursor = await index.GetCursorAsync(ct);
            problems.Add(new("evaluation.testSetHash", $"model {modelId} has no evaluation set committed for epoch {report.Epoch} (indexed up to block " +
                $"{cursor?.Number.ToString() ?? "none"}): its owner must seal the test set hash {reported} on chain before the epoch is posted"));
        }
        else if (!string.Equals(committed.TestSetHash, reported, StringComparison.OrdinalIgnoreCase))
            problems.Add(new("evaluation.testSetHash", $"{reported} is not the test set committed on chain for model {modelId} epoch {report.Epoch}: " +
                $"the commitment is {committed.TestSetHash} (block {committed.BlockNumber}, tx {committed.TxHash})"));
        if (committed is not null && report.Precision is { } precision)
            await CheckPrecisionBlockAsync(precision, committed, problems, ct);
    }

    /// <summary>
    /// The precision subsets are drawn from the hash of the block that sealed the evaluation set; a report naming any
    /// other block hash drew subsets of its own choosing. The index keeps the hash with the commitment; a commitment
    /// indexed before schema 7 outside the reorg window has none, and the chain is asked.
    /// </summary>
    private async Task CheckPrecisionBlockAsync(PrecisionSection precision, EvaluationCommitmentView committed, List<ReportProblem> problems, CancellationToken ct)
    {
        var expected = committed.BlockHash.Length > 0
            ? committed.BlockHash
            : (await chain.Rpc.GetBlockByNumberAsync((ulong)committed.BlockNumber, ct: ct))?.Hash.ToString();
        if (expected is null)
            problems.Add(new("precision.commitmentBlockHash", $"the chain has no block {committed.BlockNumber}, where the evaluation set was sealed"));
        else if (!string.Equals(expected, precision.CommitmentBlockHash.ToString(), StringComparison.OrdinalIgnoreCase))
            problems.Add(new("precision.commitmentBlockHash", $"must be {expected}, the hash of block {committed.BlockNumber} that sealed the evaluation " +
                $"set (tx {committed.TxHash}), but is {precision.CommitmentBlockHash}: the precision subsets are drawn from it"));
    }

    /// <summary>
    /// Neighbour credit orders contributions into cohorts at the blocks where the model's earlier epochs were posted
    /// (their reports published the items valued then). A report that leaves a boundary out would let data derived from
    /// published items compete as if it came first; one that adds a boundary would demote honest data.
    /// </summary>
    private async Task CheckCohortBoundariesAsync(PerformanceReport report, long modelId, List<ReportProblem> problems, CancellationToken ct)
    {
        if (report.Attribution.Evidence is not NeighbourCreditEvidence evidence) return;
        var epochs = await index.ListEpochsAsync(modelId, ct);
        var expected = CohortBoundaries.Of(epochs.Select(e => ((ulong)e.Epoch, (ulong)e.PostedBlock)), report.Epoch);
        if (!expected.SequenceEqual(evidence.CohortBoundaries))
            problems.Add(new("attribution.parameters.cohortBoundaries", $"must be the blocks at which model {modelId}'s epochs before " +
                $"{report.Epoch} were posted, [{string.Join(", ", expected)}], but is [{string.Join(", ", evidence.CohortBoundaries)}]"));
    }

    private async Task CheckEpochNumberAsync(PerformanceReport report, List<ReportProblem> problems, CancellationToken ct)
    {
        var last = await chain.Distributor.LastEpochAsync(report.ModelId, ct: ct);
        if (report.Epoch == last + 1) return;
        if (report.Epoch == last && last > 0)
        {
            var posted = await chain.Distributor.EpochAsync(report.ModelId, last, ct: ct);
            if (posted.Status == EpochStatus.Vetoed) return;
        }
        problems.Add(new("epoch", $"must be {last + 1}, the next epoch of model {report.ModelId} (its last posted epoch is {last}" +
            (last > 0 ? ", not vetoed" : "") + $"), but is {report.Epoch}"));
    }

    private async Task CheckContributionsAsync(PerformanceReport report, long modelId, List<ReportProblem> problems, CancellationToken ct)
    {
        var (known, superseded) = await LoadModelContributionsAsync(modelId, ct);
        var indexedTo = (await index.GetCursorAsync(ct))?.Number.ToString() ?? "none";
        var otherModels = (await index.ListModelsAsync(0, 10_000, ct)).Select(m => m.ModelId).Where(m => m != modelId).ToArray();
        for (var i = 0; i < report.Contributions.Count; i++)
        {
            var entry = report.Contributions[i];
            var at = $"contributions[{i}]";
            var id = IdHash(entry.Id);
            if (!known.TryGetValue(id.ToString(), out var onChain))
            {
                var elsewhere = await index.GetContributionAsync(id, ct);
                problems.Add(elsewhere is null
                    ? new($"{at}.id", $"contribution {id} is not registered (the index, up to block {indexedTo}, does not have it)")
                    : new($"{at}.id", $"contribution {id} belongs to model {elsewhere.ModelId}, not to model {modelId}"));
                continue;
            }
            if (!string.Equals(onChain.Contributor, entry.Contributor.ToString(), StringComparison.OrdinalIgnoreCase))
                problems.Add(superseded.Contains((id.ToString().ToLowerInvariant(), entry.Contributor.ToString().ToLowerInvariant()))
                    ? new($"{at}.contributor", $"contribution {id} was registered by {entry.Contributor} but superseded: {onChain.Contributor} " +
                        "revealed an earlier commitment to the same content, so only that registration can be credited")
                    : new($"{at}.contributor", $"contribution {id} was registered by {onChain.Contributor}, not by {entry.Contributor}"));
            if (!string.Equals(onChain.ContentHash, entry.ContentHash.ToString(), StringComparison.OrdinalIgnoreCase))
                problems.Add(new($"{at}.contentHash", $"contribution {id} has content hash {onChain.ContentHash}, not {entry.ContentHash}"));
            if ((long)entry.RegisteredAtBlock != onChain.RegisteredBlock || (long)entry.LogIndex != onChain.LogIndex)
                problems.Add(new($"{at}.registeredAtBlock", $"contribution {id} was registered at block {onChain.RegisteredBlock} log index " +
                    $"{onChain.LogIndex}, not block {entry.RegisteredAtBlock} log index {entry.LogIndex}: duplicates are decided by this order"));
            var slashedOnChain = onChain.Status == "slashed";
            if (slashedOnChain && entry.Status != ContributionStatus.Slashed)
                problems.Add(new($"{at}.status", $"contribution {id} is slashed on chain and cannot be credited, but the report says {entry.Status.ToString().ToLowerInvariant()}"));
            else if (!slashedOnChain && entry.Status == ContributionStatus.Slashed)
                problems.Add(new($"{at}.status", $"contribution {id} is {onChain.Status} on chain, not slashed"));
            if (entry.Status != ContributionStatus.Slashed)
                await CheckEarlierCopyAsync(entry, onChain, otherModels, at, problems, ct);
        }
    }

    /// <summary>The registry refuses the same content twice in one model; across models the earliest registration wins.</summary>
    private async Task CheckEarlierCopyAsync(ContributionEntry entry, ContributionView onChain, long[] otherModels, string at,
        List<ReportProblem> problems, CancellationToken ct)
    {
        foreach (var other in otherModels)
        {
            var copy = await index.GetContributionAsync(ContributionIds.Of(other, entry.ContentHash), ct);
            if (copy is null || string.Equals(copy.Contributor, onChain.Contributor, StringComparison.OrdinalIgnoreCase)) continue;
            var earlier = (copy.RegisteredBlock, copy.LogIndex, copy.BatchIndex).CompareTo((onChain.RegisteredBlock, onChain.LogIndex, onChain.BatchIndex)) < 0;
            if (earlier)
                problems.Add(new($"{at}.contentHash", $"content {onChain.ContentHash} was registered earlier by {copy.Contributor} as contribution " +
                    $"{copy.Id} (model {copy.ModelId}, block {copy.RegisteredBlock}); the earliest registration wins, so this copy cannot be credited"));
        }
    }

    /// <summary>
    /// The model's current registrations by id, and the (id, contributor) of each registration a reveal superseded: those
    /// share the id of the registration that replaced them and are never credited.
    /// </summary>
    private async Task<(Dictionary<string, ContributionView> Current, HashSet<(string Id, string Contributor)> Superseded)>
        LoadModelContributionsAsync(long modelId, CancellationToken ct)
    {
        var result = new Dictionary<string, ContributionView>(StringComparer.OrdinalIgnoreCase);
        var superseded = new HashSet<(string, string)>();
        (long, int, int)? after = null;
        while (true)
        {
            var page = await index.ListContributionsAsync(new ContributionQuery(ModelId: modelId, After: after, Limit: PageSize), ct);
            foreach (var c in page)
            {
                if (c.Status == "superseded") superseded.Add((c.Id.ToLowerInvariant(), c.Contributor.ToLowerInvariant()));
                else result[c.Id] = c;
            }
            if (page.Count < PageSize) return (result, superseded);
            var last = page[^1];
            after = (last.RegisteredBlock, last.LogIndex, last.BatchIndex);
        }
    }

    /// <summary>A report's uint256 contribution id as the registry's bytes32 id.</summary>
    private static Hash32 IdHash(BigInteger id)
    {
        Span<byte> bytes = stackalloc byte[32];
        id.TryWriteBytes(bytes[(32 - id.GetByteCount(isUnsigned: true))..], out _, isUnsigned: true, isBigEndian: true);
        return new Hash32(bytes);
    }
}
