namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// How a keystore is written. The defaults are the standard (geth, ethers) scrypt n = 2^18, r = 8, p = 1;
/// tests lower <see cref="ScryptN"/> because each doubling doubles the time to open the file.
/// </summary>
public sealed record KeystoreOptions
{
    /// <summary>"scrypt" or "pbkdf2".</summary>
    public string Kdf { get; init; } = "scrypt";

    public int ScryptN { get; init; } = 262144;
    public int ScryptR { get; init; } = 8;
    public int ScryptP { get; init; } = 1;

    /// <summary>PBKDF2-HMAC-SHA256 rounds when <see cref="Kdf"/> is "pbkdf2".</summary>
    public int Pbkdf2Iterations { get; init; } = 262144;

    /// <summary>32-byte KDF salt; random when null.</summary>
    public byte[]? Salt { get; init; }

    /// <summary>16-byte AES-CTR initial counter; random when null.</summary>
    public byte[]? Iv { get; init; }

    /// <summary>The file's UUID; random when null.</summary>
    public Guid? Id { get; init; }
}
