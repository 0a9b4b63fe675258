using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>
/// What one account can claim this epoch, the attributed value behind it (the sum of its credited contributions'
/// positive values), whether the per-contributor cap bound it, and its Merkle proof.
/// </summary>
public sealed record Allocation(Address Account, BigInteger Open, BigInteger Shares, double Value, bool Capped, IReadOnlyList<Hash32> Proof);
