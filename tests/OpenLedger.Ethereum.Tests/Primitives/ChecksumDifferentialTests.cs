using OpenLedger.Ethereum.Primitives;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Primitives;

public class ChecksumDifferentialTests
{
    [Fact]
    public void Checksums_of_1000_random_addresses_match_ethers()
    {
        var random = new Random(20261124);
        var addresses = Enumerable.Range(0, 1000).Select(_ =>
        {
            var bytes = new byte[20];
            random.NextBytes(bytes);
            return new Address(bytes);
        }).ToArray();

        var expected = NodeOracle.Run("tests/OpenLedger.Ethereum.Tests/oracle/checksum.js",
            addresses.Select(a => Hex.Encode(a.AsSpan())).ToArray()).AsArray();

        Assert.Equal(addresses.Length, expected.Count);
        for (var i = 0; i < addresses.Length; i++)
        {
            Assert.Equal(expected[i]!.GetValue<string>(), addresses[i].ToChecksumString());
            Assert.Equal(addresses[i], Address.Parse(expected[i]!.GetValue<string>()));
        }
    }
}
