using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>
/// Registered contributions paired with the files whose content hash they registered. A contribution that is not
/// slashed must have its file (the report's evidence is the registered data or nothing); a slashed one without a file
/// is left out, since it is credited nothing either way.
/// </summary>
public sealed record ShardMatching(
    IReadOnlyList<(ContributedShard Shard, string Path)> Shards,
    IReadOnlyList<Hash32> Missing,
    IReadOnlyList<ContributionEntry> SlashedWithoutFile,
    IReadOnlyList<(string Path, string Reason)> Ignored)
{
    public static ShardMatching Match(IReadOnlyList<ContributionEntry> contributions, IReadOnlyList<ShardFile> files)
    {
        var byHash = new Dictionary<Hash32, ShardFile>();
        var ignored = new List<(string, string)>();
        foreach (var file in files)
        {
            if (byHash.TryGetValue(file.ContentHash, out var first)) ignored.Add((file.Path, $"same content as {first.Path}"));
            else byHash[file.ContentHash] = file;
        }

        var shards = new List<(ContributedShard, string)>();
        var missing = new List<Hash32>();
        var slashedWithoutFile = new List<ContributionEntry>();
        var used = new HashSet<Hash32>();
        foreach (var c in contributions)
        {
            if (byHash.TryGetValue(c.ContentHash, out var file))
            {
                shards.Add((new ContributedShard(c, file.Rows), file.Path));
                used.Add(c.ContentHash);
            }
            else if (c.Status == ContributionStatus.Slashed) slashedWithoutFile.Add(c);
            else missing.Add(c.ContentHash);
        }
        foreach (var file in byHash.Values.Where(f => !used.Contains(f.ContentHash)).OrderBy(f => f.Path, StringComparer.Ordinal))
            ignored.Add((file.Path, $"content hash {file.ContentHash} is not a contribution of this model"));
        return new ShardMatching(shards, missing, slashedWithoutFile, ignored);
    }
}
