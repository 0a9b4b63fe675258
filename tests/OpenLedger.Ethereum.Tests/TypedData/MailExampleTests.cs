using System.Numerics;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.TypedData;

namespace OpenLedger.Ethereum.Tests.TypedData;

/// <summary>The example of EIP-712 itself (Example.sol / Example.js): Cow mails Bob.</summary>
public class MailExampleTests
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<TypedDataField>> Types =
        TypedDataRequest.ParseTypes("Person(string name,address wallet)", "Mail(Person from,Person to,string contents)");

    private static TypedDataRequest Mail() => new()
    {
        Domain = new TypedDataDomain
        {
            Name = "Ether Mail", Version = "1", ChainId = 1,
            VerifyingContract = Address.Parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"),
        },
        Types = Types,
        PrimaryType = "Mail",
        Message = new Dictionary<string, object?>
        {
            ["from"] = new Dictionary<string, object?> { ["name"] = "Cow", ["wallet"] = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            ["to"] = new Dictionary<string, object?> { ["name"] = "Bob", ["wallet"] = Address.Parse("0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB") },
            ["contents"] = "Hello, Bob!",
        },
    };

    private const string MailJson = """
        {
          "types": {
            "EIP712Domain": [ { "name": "name", "type": "string" }, { "name": "version", "type": "string" },
                              { "name": "chainId", "type": "uint256" }, { "name": "verifyingContract", "type": "address" } ],
            "Person": [ { "name": "name", "type": "string" }, { "name": "wallet", "type": "address" } ],
            "Mail": [ { "name": "from", "type": "Person" }, { "name": "to", "type": "Person" }, { "name": "contents", "type": "string" } ]
          },
          "primaryType": "Mail",
          "domain": { "name": "Ether Mail", "version": "1", "chainId": 1, "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC" },
          "message": {
            "from": { "name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826" },
            "to": { "name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB" },
            "contents": "Hello, Bob!"
          }
        }
        """;

    [Fact]
    public void The_Mail_example_has_the_published_type_domain_struct_and_digest()
    {
        var mail = Mail();
        Assert.Equal("Mail(Person from,Person to,string contents)Person(string name,address wallet)", TypedDataEncoder.EncodeType("Mail", Types));
        Assert.Equal(Hash32.Parse("0xa0cedeb2dc280ba39b857546d74f5549c3a1d7bdc2dd96bf881f76108e23dac2"), TypedDataEncoder.TypeHash("Mail", Types));
        Assert.Equal(Hash32.Parse("0xf2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f"), TypedDataEncoder.DomainSeparator(mail));
        Assert.Equal(Hash32.Parse("0xc52c0ee5d84264471806290a3f2c4cecfc5490626bf912d01f240d7a274b371e"),
            TypedDataEncoder.HashStruct("Mail", mail.Message, Types));
        Assert.Equal(Hash32.Parse("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"), mail.Hash());
    }

    [Fact]
    public void The_Mail_example_from_eth_signTypedData_v4_JSON_has_the_same_digest()
    {
        Assert.Equal(Hash32.Parse("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"), TypedDataRequest.FromJson(MailJson).Hash());
    }

    [Fact]
    public void Cows_key_gives_the_published_signature()
    {
        var cow = new Account(Keccak.Hash("cow").ToArray());
        Assert.Equal(Address.Parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"), cow.Address);
        var signature = cow.SignTypedData(Mail());
        Assert.Equal(28, signature.V);
        Assert.Equal(Hash32.Parse("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"), signature.R);
        Assert.Equal(Hash32.Parse("0x07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562"), signature.S);
        Assert.Equal(cow.Address, EcRecover.RecoverAddress(Mail().Hash(), signature));
    }

    [Fact]
    public void A_registry_Register_struct_is_pleasant_to_build_from_CSharp_values()
    {
        var contributor = new HdWallet("test test test test test test test test test test test junk").GetAccount(1);
        var data = new TypedDataRequest
        {
            Domain = new TypedDataDomain { Name = "OpenLedger ContributionRegistry", Version = "1", ChainId = 31337,
                VerifyingContract = Address.Parse("0x5FbDB2315678afecb367f032d93F642f64180aa3") },
            Types = TypedDataRequest.ParseTypes(
                "Register(address contributor,uint256 modelId,bytes32 contentHash,uint8 kind,string uri,uint256 bond,uint256 nonce,uint256 deadline)"),
            PrimaryType = "Register",
            Message = new Dictionary<string, object?>
            {
                ["contributor"] = contributor.Address, ["modelId"] = 7, ["contentHash"] = Keccak.Hash("dataset-v1"), ["kind"] = (byte)2,
                ["uri"] = "ipfs://bafy", ["bond"] = BigInteger.Pow(10, 18), ["nonce"] = 0UL, ["deadline"] = 1_900_000_000L,
            },
        };
        var signature = contributor.SignTypedData(data);
        Assert.Equal(contributor.Address, EcRecover.RecoverAddress(data.Hash(), signature));
    }

    [Fact]
    public void A_missing_field_names_its_path()
    {
        var mail = Mail();
        var broken = new TypedDataRequest
        {
            Domain = mail.Domain, Types = Types, PrimaryType = "Mail",
            Message = new Dictionary<string, object?> { ["from"] = new Dictionary<string, object?> { ["name"] = "Cow" }, ["to"] = null, ["contents"] = "" },
        };
        var error = Assert.Throws<EthereumException>(() => broken.Hash());
        Assert.Contains("Mail.from.wallet", error.Message);
    }

    [Theory]
    [InlineData("uint8", 256, "must be in 0 .. 255 but is 256")]
    [InlineData("int8", -129, "must be in -128 .. 127 but is -129")]
    [InlineData("uint256", -1, "must be in 0 ..")]
    [InlineData("bytes2", "0x010203", "bytes2 must be 2 bytes but is 3")]
    [InlineData("uint7", 1, "Unknown EIP-712 type 'uint7'")]
    [InlineData("Nope", 1, "unknown EIP-712 type 'Nope'")]
    [InlineData("bool", "yes", "expected a bool but found String")]
    public void Out_of_range_or_mistyped_values_are_rejected(string type, object value, string message)
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new TypedDataField("v", type)] };
        var error = Assert.Throws<EthereumException>(() =>
            TypedDataEncoder.HashStruct("T", new Dictionary<string, object?> { ["v"] = value }, types));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Typed_data_JSON_without_types_is_rejected()
    {
        var error = Assert.Throws<EthereumException>(() =>
            TypedDataRequest.FromJson("""{ "primaryType": "Mail", "domain": {}, "message": {} }"""));
        Assert.Contains("must have a 'types' member", error.Message);
    }

    [Theory]
    [InlineData("Mail", "must look like 'Name(type name,...)'")]
    [InlineData("Mail(string)", "must be 'type name'")]
    public void Malformed_struct_signatures_are_rejected(string signature, string message)
    {
        var error = Assert.Throws<EthereumException>(() => TypedDataRequest.ParseTypes(signature));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_struct_type_that_is_referenced_but_not_defined_is_rejected()
    {
        var types = TypedDataRequest.ParseTypes("Mail(Person from)");
        var error = Assert.Throws<EthereumException>(() => TypedDataEncoder.EncodeType("Letter", types));
        Assert.Contains("'Letter' is referenced but not defined", error.Message);
    }

    [Fact]
    public void A_fixed_size_array_with_the_wrong_length_is_rejected()
    {
        var types = new Dictionary<string, IReadOnlyList<TypedDataField>> { ["T"] = [new TypedDataField("v", "uint8[3]")] };
        var error = Assert.Throws<EthereumException>(() =>
            TypedDataEncoder.HashStruct("T", new Dictionary<string, object?> { ["v"] = new[] { 1, 2 } }, types));
        Assert.Contains("uint8[3] must have 3 elements but has 2", error.Message);
    }
}
