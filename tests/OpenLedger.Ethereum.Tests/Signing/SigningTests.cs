using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Tests.Signing;

public class SigningTests
{
    private const string HardhatKey0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private static readonly Hash32 SomeHash = Keccak.Hash("OpenLedger");
    private static readonly Hash32 N = Hash32.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");

    [Theory]
    [InlineData(HardhatKey0, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    [InlineData("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")]
    public void A_private_key_gives_its_well_known_address(string privateKey, string address)
    {
        Assert.Equal(Address.Parse(address), SigningKey.Parse(privateKey).Address);
    }

    [Fact]
    public void A_signature_recovers_its_signer_and_is_deterministic_and_low_s()
    {
        var key = SigningKey.Parse(HardhatKey0);
        var signature = key.Sign(SomeHash);
        Assert.Equal(signature, key.Sign(SomeHash));
        Assert.True(signature.IsCanonical);
        Assert.Equal(key.Address, EcRecover.RecoverAddress(SomeHash, signature));
        Assert.True(EcRecover.Verify(SomeHash, signature, key.Address));
        Assert.False(EcRecover.Verify(Keccak.Hash("other"), signature, key.Address));
    }

    [Fact]
    public void The_65_byte_form_round_trips_and_accepts_v_0_1_27_28()
    {
        var signature = SigningKey.Parse(HardhatKey0).Sign(SomeHash);
        var bytes = signature.ToBytes();
        Assert.Equal(signature.V, bytes[64]);
        Assert.Equal(signature, Signature.FromBytes(bytes));
        bytes[64] = signature.YParity;
        Assert.Equal(signature, Signature.FromBytes(bytes));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(37)]
    public void A_65_byte_signature_with_an_invalid_v_is_rejected(byte v)
    {
        var bytes = SigningKey.Parse(HardhatKey0).Sign(SomeHash).ToBytes();
        bytes[64] = v;
        var error = Assert.Throws<EthereumException>(() => Signature.FromBytes(bytes));
        Assert.Contains($"v must be 0, 1, 27 or 28 but is {v}", error.Message);
    }

    [Fact]
    public void A_signature_of_the_wrong_length_is_rejected()
    {
        var error = Assert.Throws<EthereumException>(() => Signature.FromBytes(new byte[64]));
        Assert.Contains("65 bytes", error.Message);
    }

    [Fact]
    public void The_high_s_twin_of_a_valid_signature_recovers_nobody()
    {
        var key = SigningKey.Parse(HardhatKey0);
        var signature = key.Sign(SomeHash);
        var highS = new System.Numerics.BigInteger(N.AsSpan(), true, true) - new System.Numerics.BigInteger(signature.S.AsSpan(), true, true);
        var twin = signature with { S = To32(highS), YParity = (byte)(signature.YParity ^ 1) };
        Assert.False(twin.IsCanonical);
        Assert.Null(EcRecover.RecoverAddress(SomeHash, twin));
        Assert.False(EcRecover.TryRecoverAddress(SomeHash, twin, out _));
    }

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "r zero", "r" }, { "s zero", "s" }, { "r equal to n", "r" }, { "s equal to n", "s" }, { "r above n", "r" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void R_or_s_zero_or_not_below_n_recovers_nobody(string @case, string field)
    {
        var signature = SigningKey.Parse(HardhatKey0).Sign(SomeHash);
        var value = @case switch
        {
            "r zero" or "s zero" => Hash32.Zero,
            "r above n" => Hash32.Parse("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
            _ => N,
        };
        var bad = field == "r" ? signature with { R = value } : signature with { S = value };
        Assert.False(bad.IsCanonical);
        Assert.Null(EcRecover.RecoverAddress(SomeHash, bad));
    }

    [Fact]
    public void A_parity_other_than_0_or_1_recovers_nobody()
    {
        var signature = SigningKey.Parse(HardhatKey0).Sign(SomeHash) with { YParity = 2 };
        Assert.Null(EcRecover.RecoverAddress(SomeHash, signature));
    }

    [Fact]
    public void An_r_that_is_no_curve_x_coordinate_recovers_nobody()
    {
        // x = 5: 5^3 + 7 = 132 is not a square mod p, so no curve point has it.
        var signature = SigningKey.Parse(HardhatKey0).Sign(SomeHash) with
        {
            R = Hash32.Parse("0x0000000000000000000000000000000000000000000000000000000000000005"),
        };
        Assert.Null(EcRecover.RecoverAddress(SomeHash, signature));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "zero")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "at least n")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "at least n")]
    public void A_private_key_of_zero_or_at_least_n_is_rejected(string privateKey, string found)
    {
        var error = Assert.Throws<EthereumException>(() => SigningKey.Parse(privateKey));
        Assert.Contains($"range 1 .. n-1 of secp256k1 but is {found}", error.Message);
    }

    [Fact]
    public void A_private_key_of_the_wrong_length_is_rejected()
    {
        Assert.Throws<EthereumException>(() => new SigningKey(new byte[31]));
    }

    [Fact]
    public void Personal_messages_are_hashed_with_the_EIP_191_prefix()
    {
        // keccak256("\x19Ethereum Signed Message:\n11hello world"), as ethers.hashMessage("hello world") gives.
        Assert.Equal(Hash32.Parse("0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68"),
            PersonalMessage.Hash("hello world"));
        var key = SigningKey.Parse(HardhatKey0);
        Assert.Equal(key.Address, PersonalMessage.RecoverAddress("hello world", PersonalMessage.Sign(key, "hello world")));
    }

    private static Hash32 To32(System.Numerics.BigInteger value)
    {
        var bytes = new byte[32];
        var raw = value.ToByteArray(true, true);
        raw.CopyTo(bytes, 32 - raw.Length);
        return new Hash32(bytes);
    }
}
