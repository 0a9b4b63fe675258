using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>
/// What one account can claim this epoch: its leaf index in the claim tree (what RewardDistributor.claim takes and
/// its claimed bitmap is keyed by), the amounts, the attributed value behind them (the sum of its credited
/// contributions' positive values), whether the per-contributor cap bound it, and its Merkle proof.
/// </summary>
public sealed record Allocation(int Index, Address Account, BigInteger Open, BigInteger Shares, double Value, bool Capped, IReadOnlyList<Hash32> Proof);
