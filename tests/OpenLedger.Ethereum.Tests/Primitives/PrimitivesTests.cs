using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Primitives;

public class PrimitivesTests
{
    [Theory]
    [InlineData("", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "0x4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("Transfer(address,address,uint256)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Keccak256_matches_known_vectors(string input, string expected) =>
        Assert.Equal(expected, Keccak.Hash(input).ToString());

    [Fact]
    public void Keccak256_reuses_its_digest_per_thread_without_carrying_state_between_hashes_or_threads()
    {
        // Each thread keeps one digest: after a refused output buffer, after a hash of several blocks, and on many
        // threads at once, every hash must be what a fresh digest gives.
        static Hash32 Fresh(byte[] data)
        {
            var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
            digest.BlockUpdate(data, 0, data.Length);
            var output = new byte[32];
            digest.DoFinal(output, 0);
            return new Hash32(output);
        }
        var inputs = Enumerable.Range(0, 400).Select(i => Enumerable.Repeat((byte)i, i * 3).ToArray()).ToArray();
        Assert.Throws<EthereumException>(() => Keccak.Hash(inputs[300], new byte[31]));
        Assert.Equal(Fresh(inputs[1]), Keccak.Hash(inputs[1]));
        Keccak.Hash(inputs[399]); // 1,197 bytes: nine blocks
        Assert.Equal("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470", Keccak.Hash(inputs[0]).ToString());
        var parallel = new Hash32[inputs.Length];
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Keccak.Hash(inputs[i]));
        Assert.Equal(inputs.Select(Fresh), parallel);
    }

    [Theory] // EIP-55's own examples
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Checksum_address_round_trips(string checksummed)
    {
        Assert.Equal(checksummed, Address.Parse(checksummed.ToLowerInvariant().Replace("0X", "0x")).ToString());
        Assert.Equal(checksummed, Address.Parse(checksummed).ToString());
    }

    [Fact]
    public void Mixed_case_with_wrong_checksum_is_rejected()
    {
        var ex = Assert.Throws<EthereumException>(() => Address.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
        Assert.Contains("EIP-55", ex.Message);
    }

    [Theory]
    [InlineData("0x123", "even number of digits")]
    [InlineData("0xzz", "non-hex character")]
    public void Malformed_hex_is_rejected(string hex, string message) =>
        Assert.Contains(message, Assert.Throws<EthereumException>(() => Hex.Decode(hex)).Message);

    [Theory]
    [InlineData("0x1234")]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedff")]
    public void Address_of_wrong_shape_is_rejected(string text) =>
        Assert.Contains("40 hex digits", Assert.Throws<EthereumException>(() => Address.Parse(text)).Message);

    [Fact]
    public void Hash32_of_wrong_length_is_rejected() =>
        Assert.Contains("must be 32 bytes but is 2", Assert.Throws<EthereumException>(() => Hash32.Parse("0x1234")).Message);
}
