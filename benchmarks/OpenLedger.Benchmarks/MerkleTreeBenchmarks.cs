using System.Numerics;
using BenchmarkDotNet.Attributes;
using OpenLedger.Attribution.Merkle;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Benchmarks;

/// <summary>
/// StandardMerkleTree.Of + every proof for N accounts; compare with benchmarks/merkle/oz-merkle-bench.js on the same
/// input (target: at least 5× faster than @openzeppelin/merkle-tree).
/// </summary>
[MemoryDiagnoser]
public class MerkleTreeBenchmarks
{
    private static readonly string[] Types = ["address", "uint256", "uint256"];
    private IReadOnlyList<object>[] _values = [];

    [Params(100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Same input as the node script: account i = 0xA0…(i+1), open = (i+1)·10^15, shares = i+1.
        _values = Enumerable.Range(0, Accounts).Select(i =>
        {
            var bytes = new byte[20];
            bytes[0] = 0xA0;
            BitConverter.GetBytes(i + 1).Reverse().ToArray().CopyTo(bytes, 16);
            return (IReadOnlyList<object>)[new Address(bytes), new BigInteger(i + 1) * BigInteger.Pow(10, 15), new BigInteger(i + 1)];
        }).ToArray();
    }

    [Benchmark]
    public Hash32[][] TreeAndAllProofs() => StandardMerkleTree.Of(_values, Types).GetAllProofs();

    [Benchmark]
    public Hash32 TreeOnly() => StandardMerkleTree.Of(_values, Types).Root;
}
