using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Node.Epochs;

/// <summary>One claim of an epoch: the leaf (index, account, openAmount, shareAmount) and its proof.</summary>
public sealed record EpochLeaf(int Index, Address Account, BigInteger Open, BigInteger Shares, IReadOnlyList<Hash32> Proof);
