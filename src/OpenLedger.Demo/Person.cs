using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Demo;

/// <summary>Someone in the scenario: a name, what they do, and the wallet they sign with (a mnemonic in an environment variable, an index).</summary>
public sealed record Person(string Name, string Role, Account Account, string MnemonicVariable, int Index)
{
    public Address Address => Account.Address;

    /// <summary>The signer options of every write command this person types.</summary>
    public string[] Signer => ["--mnemonic-env", MnemonicVariable, "--index", Index.ToString()];

    public override string ToString() => Name;
}
