namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// A BIP-44 Ethereum wallet: accounts at m/44'/60'/0'/0/index of the seed of a mnemonic, as MetaMask,
/// Hardhat and ethers derive them.
/// </summary>
public sealed class HdWallet
{
    private readonly ExtendedKey _master;

    public HdWallet(Mnemonic mnemonic, string passphrase = "")
    {
        Mnemonic = mnemonic;
        _master = ExtendedKey.FromSeed(mnemonic.ToSeed(passphrase));
    }

    /// <summary>Validates <paramref name="phrase"/> (words and checksum) and derives its master key.</summary>
    public HdWallet(string phrase, string passphrase = "") : this(Mnemonic.Parse(phrase), passphrase) { }

    public Mnemonic Mnemonic { get; }

    public ExtendedKey MasterKey => _master;

    /// <summary>The account at m/44'/60'/0'/0/<paramref name="index"/>.</summary>
    public Account GetAccount(int index)
    {
        if (index < 0) throw new EthereumException($"An account index must be non-negative but is {index}");
        return new Account(_master.Derive(KeyPath.Ethereum((uint)index)).Key);
    }

    /// <summary>The account at an arbitrary derivation path.</summary>
    public Account GetAccount(string path) => new(_master.Derive(path).Key);
}
