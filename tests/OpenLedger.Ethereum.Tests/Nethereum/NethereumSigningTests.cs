using System.Text;
using Nethereum.Signer;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;
using OpenLedger.Ethereum.Tests.Transactions;
using Signature = OpenLedger.Ethereum.Signing.Signature;

namespace OpenLedger.Ethereum.Tests.Nethereum;

// RFC 6979 makes signatures deterministic, so two correct signers give the same (r, s, v) for one key and hash.
public class NethereumSigningTests
{
    [Fact]
    public void Signatures_of_400_random_keys_and_hashes_match_Nethereum_and_each_recovers_the_other()
    {
        var random = new Random(1621);
        for (var i = 0; i < 400; i++)
        {
            var key = RandomTransaction.Key(random);
            var hash = new Hash32(RandomTransaction.Bytes(random, 32));
            var theirKey = new EthECKey(key.PrivateKey.ToArray(), true);

            Assert.Equal(key.Address, NethereumValues.Address(theirKey.GetPublicAddress()));
            var ours = key.Sign(hash);
            var theirs = theirKey.SignAndCalculateV(hash.ToArray());
            Assert.True(NethereumValues.Word(theirs.R) == ours.R && NethereumValues.Word(theirs.S) == ours.S && theirs.V[0] == ours.V,
                $"case {i}: signature of {hash} differs from Nethereum");

            Assert.Equal(key.Address, EcRecover.RecoverAddress(hash, new Signature(NethereumValues.Word(theirs.R), NethereumValues.Word(theirs.S), (byte)(theirs.V[0] - 27))));
            var recovered = EthECKey.RecoverFromSignature(EthECDSASignatureFactory.FromComponents(ours.R.ToArray(), ours.S.ToArray(), ours.V), hash.ToArray());
            Assert.Equal(key.Address, NethereumValues.Address(recovered.GetPublicAddress()));
        }
    }

    [Fact]
    public void Personal_message_signatures_of_400_random_messages_match_Nethereum_and_each_recovers_the_other()
    {
        var random = new Random(1622);
        var signer = new EthereumMessageSigner();
        for (var i = 0; i < 400; i++)
        {
            var key = RandomTransaction.Key(random);
            var theirKey = new EthECKey(key.PrivateKey.ToArray(), true);
            string ours, theirs;
            byte[] message;
            if (i % 2 == 0)
            {
                message = RandomTransaction.Bytes(random, random.Next(0, 200));
                ours = PersonalMessage.Sign(key, message).ToHex();
                theirs = signer.Sign(message, theirKey);
                Assert.Equal(PersonalMessage.Hash(message).ToString(), Hex.Encode(signer.HashPrefixedMessage(message)));
            }
            else
            {
                // The EIP-191 length counts UTF-8 bytes, not characters.
                const string alphabet = "abcxyz 019é€漢\n";
                var text = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
                message = Encoding.UTF8.GetBytes(text);
                ours = PersonalMessage.Sign(key, text).ToHex();
                theirs = signer.EncodeUTF8AndSign(text, theirKey);
            }
            Assert.True(theirs == ours, $"case {i}: personal_sign of {Hex.Encode(message)} differs from Nethereum");
            Assert.Equal(key.Address, PersonalMessage.RecoverAddress(message, Signature.Parse(theirs)));
            Assert.Equal(key.Address, NethereumValues.Address(signer.EcRecover(message, ours)));
        }
    }
}
