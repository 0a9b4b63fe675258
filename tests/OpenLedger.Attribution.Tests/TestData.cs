using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Tests;

/// <summary>Seeded random inputs: every run of a test sees the same data.</summary>
internal static class TestData
{
    public static Address RandomAddress(Random random)
    {
        var bytes = new byte[20];
        random.NextBytes(bytes);
        return new Address(bytes);
    }

    public static Address AddressOf(int n)
    {
        var bytes = new byte[20];
        bytes[19] = (byte)n;
        bytes[18] = (byte)(n >> 8);
        bytes[0] = 0xA0;
        return new Address(bytes);
    }

    public static Hash32 HashOf(int n) => Keccak.Hash(BitConverter.GetBytes(n));

    public static BigInteger RandomUint(Random random, int maxBytes)
    {
        var bytes = new byte[random.Next(1, maxBytes + 1)];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static BigInteger[] Ids(int count) => Enumerable.Range(1, count).Select(i => new BigInteger(i)).ToArray();
}
