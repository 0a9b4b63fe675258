using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Ethereum.Tests.Abi;

// Strict decoding must fail with the library's exception on any damaged input, never with an index or
// allocation error: logs and revert data come from the network.
public class AbiCorruptionTests
{
    [Fact]
    public void Corrupted_encodings_decode_or_fail_with_an_ethereum_exception_only()
    {
        var random = new AbiRandom(4242);
        var rejected = 0;
        for (var i = 0; i < 2000; i++)
        {
            var types = Enumerable.Range(0, 1 + random.Random.Next(3)).Select(_ => random.Type()).ToArray();
            var data = AbiEncoder.Encode(types, types.Select(random.Value).ToArray());
            var damaged = Damage(random.Random, data);
            try { AbiDecoder.Decode(types, damaged); }
            catch (EthereumException) { rejected++; }
        }
        // Most damage must be noticed; a few mutations hit bytes whose every value is valid (e.g. inside a uint256).
        Assert.InRange(rejected, 500, 2000);
    }

    private static byte[] Damage(Random random, byte[] data)
    {
        if (data.Length == 0) return [1];
        var copy = (byte[])data.Clone();
        switch (random.Next(4))
        {
            case 0: // truncate
                return copy[..random.Next(copy.Length)];
            case 1: // flip one byte
                copy[random.Next(copy.Length)] ^= (byte)(1 + random.Next(255));
                return copy;
            case 2: // forge a huge offset or length in a word-aligned slot
                var at = 32 * random.Next(copy.Length / 32);
                copy.AsSpan(at, 32).Fill(0);
                copy[at + 28] = (byte)random.Next(0x80);
                copy[at + 31] = 0xff;
                return copy;
            default: // set a high byte of a word
                copy[32 * random.Next(copy.Length / 32)] = 0x80;
                return copy;
        }
    }
}
