using System.Numerics;
using BenchmarkDotNet.Attributes;
using OpenLedger.Attribution.Rewards;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Benchmarks;

/// <summary>
/// The reward claim tree (ClaimTree.Of: StandardMerkleTree over (index, account, open, shares)) + every proof for N
/// accounts; compare with benchmarks/merkle/oz-merkle-bench.js on the same input (target: at least 5× faster than
/// @openzeppelin/merkle-tree).
/// </summary>
[MemoryDiagnoser]
public class MerkleTreeBenchmarks
{
    private (Address, BigInteger, BigInteger)[] _claims = [];

    [Params(100_000)]
    public int Accounts { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Same input as the node script: leaf i = (i, 0xA0…(i+1), (i+1)·10^15, i+1); accounts ascend as ClaimTree requires.
        _claims = Enumerable.Range(0, Accounts).Select(i =>
        {
            var bytes = new byte[20];
            bytes[0] = 0xA0;
            BitConverter.GetBytes(i + 1).Reverse().ToArray().CopyTo(bytes, 16);
            return (new Address(bytes), new BigInteger(i + 1) * BigInteger.Pow(10, 15), new BigInteger(i + 1));
        }).ToArray();
    }

    [Benchmark]
    public Hash32[][] TreeAndAllProofs() => ClaimTree.Of(_claims).GetAllProofs();

    [Benchmark]
    public Hash32 TreeOnly() => ClaimTree.Of(_claims).Root;
}
