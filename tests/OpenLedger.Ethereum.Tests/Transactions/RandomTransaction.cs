using System.Numerics;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Transactions;

namespace OpenLedger.Ethereum.Tests.Transactions;

/// <summary>
/// Seeded random transactions and keys for the differential tests against ethers and Nethereum: contract
/// creations, unprotected legacy transactions, empty and long data, access lists, integers of every length.
/// </summary>
internal static class RandomTransaction
{
    public static SigningKey Key(Random random) => new(Bytes(random, 32));

    public static UnsignedTransaction Next(Random random, bool legacy)
    {
        var data = new byte[random.Next(4) == 0 ? 0 : random.Next(1, 300)];
        random.NextBytes(data);
        var to = random.Next(10) == 0 ? (Address?)null : new Address(Bytes(random, 20));
        var nonce = (ulong)UInt(random, 6);
        var gasLimit = (ulong)UInt(random, 7);
        var value = UInt(random, 32);
        var chainId = random.Next(3) switch { 0 => 1UL, 1 => 31337UL, _ => (ulong)UInt(random, 6) + 1 };
        if (legacy)
            return new LegacyTransaction
            {
                Nonce = nonce, GasLimit = gasLimit, To = to, Value = value, Data = data, GasPrice = UInt(random, 12),
                // A few unprotected (pre-EIP-155) transactions; ethers writes them for chain id 0.
                ChainId = random.Next(10) == 0 ? null : chainId,
            };
        var tip = UInt(random, 10);
        return new Eip1559Transaction
        {
            Nonce = nonce, GasLimit = gasLimit, To = to, Value = value, Data = data, ChainId = chainId,
            // ethers (like the protocol) refuses a tip above the fee cap.
            MaxPriorityFeePerGas = tip, MaxFeePerGas = tip + UInt(random, 12),
            AccessList = Enumerable.Range(0, random.Next(4) == 0 ? random.Next(1, 4) : 0)
                .Select(_ => new AccessListEntry(new Address(Bytes(random, 20)),
                    Enumerable.Range(0, random.Next(0, 3)).Select(_ => new Hash32(Bytes(random, 32))).ToArray()))
                .ToArray(),
        };
    }

    public static BigInteger UInt(Random random, int maxBytes)
    {
        var bytes = new byte[random.Next(0, maxBytes + 1)];
        random.NextBytes(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static byte[] Bytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
