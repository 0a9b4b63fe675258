using System.Text;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// Unicode normalisation for phrases and passwords. In globalization-invariant mode .NET returns non-ASCII
/// text unnormalised without complaint, which would silently derive a different seed; this refuses instead.
/// </summary>
internal static class UnicodeNormalization
{
    // A precomposed é decomposes to two code points only when real normalisation data (ICU) is loaded.
    private static readonly bool Available = "\u00e9".Normalize(NormalizationForm.FormKD).Length == 2;

    /// <summary>NFKD as BIP-39 requires for the phrase and passphrase.</summary>
    public static string Nfkd(string text, string what)
    {
        if (Ascii.IsValid(text)) return text;
        if (!Available)
            throw new EthereumException(
                $"The {what} contains non-ASCII characters but Unicode NFKD normalisation is unavailable " +
                "(globalization-invariant mode); run with InvariantGlobalization=false to derive the correct BIP-39 seed");
        return text.Normalize(NormalizationForm.FormKD);
    }

    /// <summary>
    /// NFKC as ethers applies to keystore passwords. Without normalisation data the raw UTF-8 is used, which
    /// is what geth does, so geth-written files still open.
    /// </summary>
    public static string NfkcOrRaw(string text) =>
        Available && !Ascii.IsValid(text) ? text.Normalize(NormalizationForm.FormKC) : text;
}
