using System.Buffers.Binary;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Merkle;

/// <summary>
/// A Merkle tree with the layout and hashing of OpenZeppelin's StandardMerkleTree, so roots and proofs verify with
/// MerkleProof.sol and match @openzeppelin/merkle-tree bit for bit:
/// leaf = keccak256(keccak256(abi.encode(values))) (the double hash keeps a leaf from passing as an inner node);
/// leaves sorted ascending by hash (stable: equal leaves keep their value order); a complete binary tree stored as
/// an array of 2n−1 nodes with leaf i at index 2n−2−i; inner node = keccak256 of its children in ascending order.
/// </summary>
public sealed class StandardMerkleTree
{
    // Below this many leaves, threads cost more than they save.
    private const int ParallelThreshold = 4096;
    private readonly byte[] _nodes;
    private readonly int[] _treeIndexOfValue;

    private StandardMerkleTree(IReadOnlyList<LeafType> types, byte[] nodes, int[] treeIndexOfValue)
    {
        LeafTypes = types;
        _nodes = nodes;
        _treeIndexOfValue = treeIndexOfValue;
    }

    public IReadOnlyList<LeafType> LeafTypes { get; }

    public int Count => _treeIndexOfValue.Length;

    public Hash32 Root => new(Node(0));

    /// <summary>Builds the tree of <paramref name="values"/> (one row of values per leaf, typed by <paramref name="leafTypes"/>).</summary>
    public static StandardMerkleTree Of(IReadOnlyList<IReadOnlyList<object>> values, IReadOnlyList<string> leafTypes)
    {
        var types = leafTypes.Select(LeafType.Parse).ToArray();
        if (values.Count == 0) throw new AttributionException("A Merkle tree needs at least one leaf but got none");
        var leaves = new byte[values.Count * 32];
        void HashRange(int from, int to)
        {
            var hasher = new KeccakHasher();
            var encoded = new byte[32 * types.Length];
            Span<byte> inner = stackalloc byte[32];
            for (var v = from; v < to; v++)
            {
                var row = values[v];
                if (row.Count != types.Length)
                    throw new AttributionException($"Leaf {v} must have {types.Length} values ({string.Join(", ", leafTypes)}) but has {row.Count}");
                for (var t = 0; t < types.Length; t++) types[t].Encode(row[t], encoded.AsSpan(32 * t, 32));
                hasher.Hash(encoded, inner);
                hasher.Hash(inner, leaves.AsSpan(32 * v, 32));
            }
        }
        ForRanges(values.Count, HashRange);
        return FromLeafHashes(types, leaves);
    }

    /// <summary>Builds the tree from leaf hashes already computed (32 bytes each, in value order).</summary>
    internal static StandardMerkleTree FromLeafHashes(IReadOnlyList<LeafType> types, byte[] leaves)
    {
        var n = leaves.Length / 32;
        var order = SortByHash(leaves, n);
        var nodes = new byte[(2 * n - 1) * 32];
        var treeIndex = new int[n];
        for (var i = 0; i < n; i++)
        {
            var position = nodes.Length / 32 - 1 - i;
            leaves.AsSpan(32 * order[i], 32).CopyTo(nodes.AsSpan(32 * position));
            treeIndex[order[i]] = position;
        }
        HashInnerNodes(nodes, n);
        return new StandardMerkleTree(types, nodes, treeIndex);
    }

    /// <summary>The double-hashed leaf of value <paramref name="valueIndex"/>.</summary>
    public Hash32 LeafHash(int valueIndex) => new(Node(TreeIndex(valueIndex)));

    /// <summary>The sibling hashes from the leaf of value <paramref name="valueIndex"/> up to the root.</summary>
    public Hash32[] GetProof(int valueIndex)
    {
        var i = TreeIndex(valueIndex);
        var proof = new Hash32[Depth(i)];
        for (var p = 0; i > 0; p++, i = (i - 1) / 2)
            proof[p] = new Hash32(Node(i % 2 == 1 ? i + 1 : i - 1));
        return proof;
    }

    /// <summary>Proofs of every value, in value order.</summary>
    public Hash32[][] GetAllProofs()
    {
        var proofs = new Hash32[Count][];
        ForRanges(Count, (from, to) =>
        {
            for (var v = from; v < to; v++) proofs[v] = GetProof(v);
        });
        return proofs;
    }

    /// <summary>A multiproof of the given values, identical to OpenZeppelin's getMultiProof.</summary>
    public MultiProof GetMultiProof(IReadOnlyList<int> valueIndexes)
    {
        if (valueIndexes.Distinct().Count() != valueIndexes.Count)
            throw new AttributionException($"A multiproof cannot prove the same value twice but got [{string.Join(", ", valueIndexes)}]");
        var byTreeIndex = valueIndexes.ToDictionary(TreeIndex, v => v);
        // Deepest (highest tree index) first; each step pairs the front node with its sibling, from the queue when
        // that sibling is also being proven, else from the proof.
        var indices = byTreeIndex.Keys.OrderDescending().ToArray();
        var queue = new LinkedList<int>(indices);
        var proof = new List<Hash32>();
        var flags = new List<bool>();
        while (queue.Count > 0 && queue.First!.Value > 0)
        {
            var j = queue.First.Value;
            queue.RemoveFirst();
            var sibling = j % 2 == 1 ? j + 1 : j - 1;
            if (queue.Count > 0 && queue.First!.Value == sibling)
            {
                flags.Add(true);
                queue.RemoveFirst();
            }
            else
            {
                flags.Add(false);
                proof.Add(new Hash32(Node(sibling)));
            }
            queue.AddLast((j - 1) / 2);
        }
        if (indices.Length == 0) proof.Add(Root);
        return new MultiProof(indices.Select(i => byTreeIndex[i]).ToArray(), indices.Select(i => new Hash32(Node(i))).ToArray(), proof, flags);
    }

    /// <summary>True when <paramref name="proof"/> leads from <paramref name="leaf"/> to <paramref name="root"/> (MerkleProof.verify).</summary>
    public static bool Verify(Hash32 root, Hash32 leaf, IReadOnlyList<Hash32> proof)
    {
        var hasher = new KeccakHasher();
        Span<byte> current = stackalloc byte[32];
        leaf.AsSpan().CopyTo(current);
        foreach (var sibling in proof) hasher.HashPair(current, sibling.AsSpan(), current);
        return current.SequenceEqual(root.AsSpan());
    }

    /// <summary>The leaf hash OpenZeppelin computes for one row of values.</summary>
    public static Hash32 HashLeaf(IReadOnlyList<object> row, IReadOnlyList<string> leafTypes)
    {
        var types = leafTypes.Select(LeafType.Parse).ToArray();
        if (row.Count != types.Length) throw new AttributionException($"A leaf must have {types.Length} values but has {row.Count}");
        var encoded = new byte[32 * types.Length];
        for (var t = 0; t < types.Length; t++) types[t].Encode(row[t], encoded.AsSpan(32 * t, 32));
        var hasher = new KeccakHasher();
        Span<byte> hash = stackalloc byte[32];
        hasher.Hash(encoded, hash);
        hasher.Hash(hash, hash);
        return new Hash32(hash);
    }

    private ReadOnlySpan<byte> Node(int index) => _nodes.AsSpan(32 * index, 32);

    private int TreeIndex(int valueIndex) =>
        valueIndex >= 0 && valueIndex < Count
            ? _treeIndexOfValue[valueIndex]
            : throw new AttributionException($"Value index must be in [0, {Count}) but is {valueIndex}");

    private static int Depth(int index)
    {
        var depth = 0;
        for (; index > 0; index = (index - 1) / 2) depth++;
        return depth;
    }

    private static int[] SortByHash(byte[] leaves, int n)
    {
        var keys = new LeafKey[n];
        for (var i = 0; i < n; i++)
        {
            var h = leaves.AsSpan(32 * i, 32);
            keys[i] = new LeafKey(
                BinaryPrimitives.ReadUInt64BigEndian(h), BinaryPrimitives.ReadUInt64BigEndian(h[8..]),
                BinaryPrimitives.ReadUInt64BigEndian(h[16..]), BinaryPrimitives.ReadUInt64BigEndian(h[24..]), i);
        }
        Array.Sort(keys);
        return keys.Select(k => k.Index).ToArray();
    }

    /// <summary>
    /// Nodes at one depth depend only on the depth below, and depth d occupies indexes [2^d − 1, 2^(d+1) − 2]:
    /// each depth is hashed in parallel, deepest first.
    /// </summary>
    private static void HashInnerNodes(byte[] nodes, int leafCount)
    {
        var total = nodes.Length / 32;
        var lastInner = total - 1 - leafCount;
        if (lastInner < 0) return;
        var maxDepth = Depth(lastInner);
        for (var depth = maxDepth; depth >= 0; depth--)
        {
            var first = (1 << depth) - 1;
            var last = Math.Min(lastInner, (1 << (depth + 1)) - 2);
            ForRanges(last - first + 1, (from, to) =>
            {
                var hasher = new KeccakHasher();
                for (var i = first + from; i < first + to; i++)
                    hasher.HashPair(nodes.AsSpan(32 * (2 * i + 1), 32), nodes.AsSpan(32 * (2 * i + 2), 32), nodes.AsSpan(32 * i, 32));
            });
        }
    }

    private static void ForRanges(int count, Action<int, int> body)
    {
        if (count < ParallelThreshold)
        {
            body(0, count);
            return;
        }
        var ranges = Math.Min(Environment.ProcessorCount * 4, count / 1024);
        Parallel.For(0, ranges, r => body((int)((long)count * r / ranges), (int)((long)count * (r + 1) / ranges)));
    }

    private readonly record struct LeafKey(ulong A, ulong B, ulong C, ulong D, int Index) : IComparable<LeafKey>
    {
        public int CompareTo(LeafKey other)
        {
            var c = A.CompareTo(other.A);
            if (c == 0) c = B.CompareTo(other.B);
            if (c == 0) c = C.CompareTo(other.C);
            if (c == 0) c = D.CompareTo(other.D);
            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }
}
