using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Merkle;

/// <summary>
/// A proof of several leaves at once, as MerkleProof.multiProofVerify takes it: the leaves (in OpenZeppelin's
/// order, deepest tree position first, with their value indexes), the extra nodes, and one flag per hash step
/// saying whether its second input comes from the leaves/stack (true) or from <see cref="Proof"/> (false).
/// </summary>
public sealed record MultiProof(IReadOnlyList<int> ValueIndexes, IReadOnlyList<Hash32> Leaves, IReadOnlyList<Hash32> Proof, IReadOnlyList<bool> ProofFlags)
{
    /// <summary>Recomputes the root from the proof (MerkleProof.processMultiProof) and compares.</summary>
    public bool Verify(Hash32 root)
    {
        if (Leaves.Count + Proof.Count != ProofFlags.Count + 1) return false;
        var hasher = new KeccakHasher();
        var stack = new Queue<byte[]>(Leaves.Select(l => l.ToArray()));
        var proof = new Queue<Hash32>(Proof);
        foreach (var flag in ProofFlags)
        {
            if (stack.Count == 0 || (flag ? stack.Count < 2 : proof.Count == 0)) return false;
            var a = stack.Dequeue();
            var b = flag ? stack.Dequeue() : proof.Dequeue().ToArray();
            var parent = new byte[32];
            hasher.HashPair(a, b, parent);
            stack.Enqueue(parent);
        }
        var computed = stack.Count > 0 ? new Hash32(stack.Last()) : proof.Count > 0 ? proof.Dequeue() : default;
        return computed == root;
    }
}
