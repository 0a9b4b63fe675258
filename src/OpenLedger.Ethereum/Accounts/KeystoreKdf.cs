using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// The keystore's key derivation, bounded before any work is done. A keystore file states its own cost, so a crafted
/// one can ask for a terabyte of memory (scrypt n = 2^30) or years of hashing (pbkdf2 c = 2^31 - 1). The bounds are
/// above every setting real wallets write and refuse the rest with the parameters named:
/// <list type="bullet">
/// <item>geth: scrypt n = 2^18, r = 8, p = 1 (light: n = 2^12, r = 8, p = 6); pbkdf2 c = 262144</item>
/// <item>ethers v5/v6: scrypt n = 2^17, r = 8, p = 1</item>
/// <item>Nethereum and eth-keyfile (web3.py): scrypt n = 2^18, r = 1, p = 8; pbkdf2 c = 262144 and 1000000</item>
/// </list>
/// </summary>
public static class KeystoreKdf
{
    /// <summary>scrypt's memory, 128·r·(n + p) bytes (n blocks of V and p of B): 1 GiB, four times geth's standard.</summary>
    public const long MaxScryptMemory = 1L << 30;

    /// <summary>scrypt's work, n·r·p block mixes: 2^22, twice geth's (and Nethereum's) standard 2^21.</summary>
    public const long MaxScryptWork = 1L << 22;

    /// <summary>PBKDF2-HMAC-SHA256 rounds: 2^21, about twice eth-keyfile's 1000000 and eight times geth's 262144.</summary>
    public const int MaxPbkdf2Iterations = 1 << 21;

    /// <summary>Derived key length: wallets write 32 (16 bytes of AES key, 16 of MAC key).</summary>
    public const int MaxDerivedKeyLength = 64;

    /// <summary>libsodium's scrypt takes exactly this salt length, the one every wallet writes.</summary>
    private const int SodiumSaltLength = 32;

    /// <summary>Checks the scrypt parameters against the bounds; the message names them and the bound they exceed.</summary>
    public static void CheckScrypt(long n, long r, long p)
    {
        if (n < 2 || (n & (n - 1)) != 0) throw new EthereumException($"The keystore's scrypt n must be a power of two above 1 but is {n}");
        if (r < 1 || p < 1) throw new EthereumException($"The keystore's scrypt r and p must be positive but are {r} and {p}");
        // Each product is checked against the bound by division first, so no multiplication can overflow.
        var parameters = $"scrypt n={n}, r={r}, p={p}";
        if (n > MaxScryptMemory / 128 / r || p > MaxScryptMemory / 128 / r - n)
            throw new EthereumException($"The keystore's {parameters} would need {Size(128m * r * ((decimal)n + p))} of memory; " +
                $"at most {Size(MaxScryptMemory)} (128·r·(n+p) bytes) is accepted, above what any wallet writes (geth's standard n=262144, r=8 needs 256 MiB)");
        if (p > MaxScryptWork / n / r)
            throw new EthereumException($"The keystore's {parameters} would need n·r·p = {(decimal)n * r * p} block mixes; " +
                $"at most {MaxScryptWork} are accepted, above what any wallet writes (geth's and Nethereum's standard is 2097152)");
    }

    /// <summary>Checks the PBKDF2 iteration count against <see cref="MaxPbkdf2Iterations"/>.</summary>
    public static void CheckPbkdf2(long iterations)
    {
        if (iterations < 1) throw new EthereumException($"The keystore's pbkdf2 c must be positive but is {iterations}");
        if (iterations > MaxPbkdf2Iterations)
            throw new EthereumException($"The keystore's pbkdf2 c={iterations} is above the {MaxPbkdf2Iterations} iterations accepted, " +
                "above what any wallet writes (geth 262144, eth-keyfile 1000000)");
    }

    public static void CheckDerivedKeyLength(long dkLen)
    {
        if (dkLen is < 32 or > MaxDerivedKeyLength)
            throw new EthereumException($"The keystore's dklen must be from 32 to {MaxDerivedKeyLength} but is {dkLen}");
    }

    /// <summary>
    /// scrypt after <see cref="CheckScrypt"/>. libsodium (through NSec) for 32-byte salts: unlike BouncyCastle it takes
    /// n at or above 2^16 with r = 1, which RFC 7914 advises against but Nethereum and eth-keyfile write by default (and
    /// geth and ethers read). Other salt lengths, which libsodium does not take, go to BouncyCastle, which keeps the RFC's
    /// bound; that one case is refused with the parameters named.
    /// </summary>
    public static byte[] Scrypt(string password, byte[] salt, int n, int r, int p, int dkLen)
    {
        CheckScrypt(n, r, p);
        CheckDerivedKeyLength(dkLen);
        if (salt.Length == SodiumSaltLength)
        {
            var algorithm = new NSec.Cryptography.Scrypt(new NSec.Cryptography.ScryptParameters { Cost = n, BlockSize = r, Parallelization = p });
            return algorithm.DeriveBytes(PasswordBytes(password), salt, dkLen);
        }
        // RFC 7914: n < 2^(128·r/8) = 2^(16·r).
        if (r < 4 && n >= 1L << (16 * r))
            throw new EthereumException($"The keystore's scrypt n={n}, r={r}, p={p} with a {salt.Length}-byte salt is not supported " +
                $"(n must be below 2^{16 * r} for r={r} unless the salt is 32 bytes); re-encrypt it with geth (geth account update) or ethers, which write 32-byte salts");
        return SCrypt.Generate(PasswordBytes(password), salt, n, r, p, dkLen);
    }

    /// <summary>PBKDF2-HMAC-SHA256 after <see cref="CheckPbkdf2"/>.</summary>
    public static byte[] Pbkdf2(string password, byte[] salt, int iterations, int dkLen)
    {
        CheckPbkdf2(iterations);
        CheckDerivedKeyLength(dkLen);
        return Rfc2898DeriveBytes.Pbkdf2(PasswordBytes(password), salt, iterations, HashAlgorithmName.SHA256, dkLen);
    }

    // ethers normalises passwords to NFKC so that visually identical passwords open the same file.
    private static byte[] PasswordBytes(string password) => Encoding.UTF8.GetBytes(UnicodeNormalization.NfkcOrRaw(password));

    private static string Size(decimal bytes)
    {
        var (unit, name) = bytes >= 1L << 40 ? (1L << 40, "TiB") : bytes >= 1L << 30 ? (1L << 30, "GiB") : (1L << 20, "MiB");
        return (bytes / unit).ToString("0.#", CultureInfo.InvariantCulture) + " " + name;
    }
}
