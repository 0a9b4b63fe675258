using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Ethereum.Tests.Abi;

/// <summary>Builds ABI data from 32-byte words written as in the Solidity docs: short numbers are left-padded.</summary>
internal static class Words
{
    public static byte[] Of(params string[] words) => Hex.Decode(string.Concat(words.Select(Word)));

    public static string Word(string w) => w.Length == 64 ? w : w.StartsWith('*') ? w[1..].PadRight(64, '0') : w.PadLeft(64, '0');
}
