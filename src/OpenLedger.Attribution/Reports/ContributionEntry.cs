using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Reports;

/// <summary>A registered contribution known to the reporter. (block, log index) orders registrations totally.</summary>
public sealed record ContributionEntry(
    BigInteger Id,
    Address Contributor,
    Hash32 ContentHash,
    ulong RegisteredAtBlock,
    ulong LogIndex,
    ContributionStatus Status)
{
    /// <summary>True when this registration happened before <paramref name="other"/> on chain.</summary>
    public bool RegisteredBefore(ContributionEntry other) =>
        RegisteredAtBlock != other.RegisteredAtBlock
            ? RegisteredAtBlock < other.RegisteredAtBlock
            : LogIndex != other.LogIndex ? LogIndex < other.LogIndex : Id < other.Id;
}
