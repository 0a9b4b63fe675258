using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Ethereum.Accounts;

/// <summary>
/// Web3 Secret Storage v3 (the geth/ethers keystore file): the private key AES-128-CTR encrypted under the
/// first half of a scrypt or PBKDF2 key, and keccak256(second half || ciphertext) as the MAC that tells a
/// wrong password from a right one.
/// </summary>
public static class Keystore
{
    public const string MacMismatch = "keystore MAC mismatch: wrong password or corrupted file";

    /// <summary>Encrypts <paramref name="privateKey"/> under <paramref name="password"/> into keystore JSON.</summary>
    public static string Encrypt(ReadOnlySpan<byte> privateKey, string password, KeystoreOptions? options = null)
    {
        options ??= new KeystoreOptions();
        var key = new SigningKey(privateKey);
        var salt = options.Salt ?? RandomNumberGenerator.GetBytes(32);
        var iv = options.Iv ?? RandomNumberGenerator.GetBytes(16);
        if (iv.Length != 16) throw new EthereumException($"The keystore IV must be 16 bytes but is {iv.Length}");

        JsonObject kdfParams;
        byte[] derived;
        switch (options.Kdf)
        {
            case "scrypt":
                kdfParams = new JsonObject
                {
                    ["dklen"] = 32, ["n"] = options.ScryptN, ["p"] = options.ScryptP, ["r"] = options.ScryptR, ["salt"] = Hex.Encode(salt, false),
                };
                derived = KeystoreKdf.Scrypt(password, salt, options.ScryptN, options.ScryptR, options.ScryptP, 32);
                break;
            case "pbkdf2":
                kdfParams = new JsonObject
                {
                    ["c"] = options.Pbkdf2Iterations, ["dklen"] = 32, ["prf"] = "hmac-sha256", ["salt"] = Hex.Encode(salt, false),
                };
                derived = KeystoreKdf.Pbkdf2(password, salt, options.Pbkdf2Iterations, 32);
                break;
            default:
                throw new EthereumException($"Unsupported keystore kdf '{options.Kdf}': expected scrypt or pbkdf2");
        }

        var ciphertext = AesCtr(derived.AsSpan(0, 16), iv, privateKey);
        var json = new JsonObject
        {
            ["address"] = Hex.Encode(key.Address.AsSpan(), false),
            ["id"] = (options.Id ?? Guid.NewGuid()).ToString(),
            ["version"] = 3,
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["cipherparams"] = new JsonObject { ["iv"] = Hex.Encode(iv, false) },
                ["ciphertext"] = Hex.Encode(ciphertext, false),
                ["kdf"] = options.Kdf,
                ["kdfparams"] = kdfParams,
                ["mac"] = Hex.Encode(Mac(derived, ciphertext).AsSpan(), false),
            },
        };
        return json.ToJsonString();
    }

    /// <summary>Decrypts keystore JSON; a wrong password fails the MAC check with <see cref="MacMismatch"/>.</summary>
    public static byte[] Decrypt(string json, string password)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new EthereumException($"A keystore must be JSON but is not: {e.Message}", e);
        }
        if (root is not JsonObject file) throw new EthereumException("A keystore must be a JSON object");
        var version = Required(file, "version", "");
        if (version.ToJsonString() != "3") throw new EthereumException($"Unsupported keystore version {version.ToJsonString()}: expected 3");
        // geth writes "crypto", ethers v5/v6 write "Crypto".
        var crypto = (file["crypto"] ?? file["Crypto"]) as JsonObject
                     ?? throw new EthereumException("The keystore is missing its 'crypto' object");
        var cipher = Text(crypto, "cipher", "crypto.");
        if (cipher != "aes-128-ctr") throw new EthereumException($"Unsupported keystore cipher '{cipher}': expected aes-128-ctr");
        var iv = Bytes(Required(crypto, "cipherparams", "crypto.") as JsonObject
                       ?? throw new EthereumException("The keystore's crypto.cipherparams must be an object"), "iv", "crypto.cipherparams.");
        if (iv.Length != 16) throw new EthereumException($"The keystore IV must be 16 bytes but is {iv.Length}");
        var ciphertext = Bytes(crypto, "ciphertext", "crypto.");
        var mac = Bytes(crypto, "mac", "crypto.");
        var kdf = Text(crypto, "kdf", "crypto.");
        var kdfParams = Required(crypto, "kdfparams", "crypto.") as JsonObject
                        ?? throw new EthereumException("The keystore's crypto.kdfparams must be an object");
        var salt = Bytes(kdfParams, "salt", "crypto.kdfparams.");
        var dkLen = Integer(kdfParams, "dklen");
        var derived = kdf switch
        {
            "scrypt" => KeystoreKdf.Scrypt(password, salt, Integer(kdfParams, "n"), Integer(kdfParams, "r"), Integer(kdfParams, "p"), dkLen),
            "pbkdf2" => Pbkdf2(password, salt, kdfParams, dkLen),
            _ => throw new EthereumException($"Unsupported keystore kdf '{kdf}': expected scrypt or pbkdf2"),
        };
        if (!CryptographicOperations.FixedTimeEquals(Mac(derived, ciphertext).AsSpan(), mac))
            throw new EthereumException(MacMismatch);
        var privateKey = AesCtr(derived.AsSpan(0, 16), iv, ciphertext);
        var key = new SigningKey(privateKey);
        if (file["address"] is JsonValue address && address.TryGetValue<string>(out var text)
            && Address.TryParse(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text, out var stated)
            && stated != key.Address)
            throw new EthereumException($"The keystore decrypts to {key.Address} but states address {stated}");
        return privateKey;
    }

    /// <summary>Decrypts a keystore into an <see cref="Account"/>.</summary>
    public static Account DecryptAccount(string json, string password) => new(Decrypt(json, password));

    private static byte[] Pbkdf2(string password, byte[] salt, JsonObject kdfParams, int dkLen)
    {
        var prf = Text(kdfParams, "prf", "crypto.kdfparams.");
        if (prf != "hmac-sha256") throw new EthereumException($"Unsupported keystore pbkdf2 prf '{prf}': expected hmac-sha256");
        return KeystoreKdf.Pbkdf2(password, salt, Integer(kdfParams, "c"), dkLen);
    }

    private static Hash32 Mac(byte[] derived, ReadOnlySpan<byte> ciphertext)
    {
        var data = new byte[16 + ciphertext.Length];
        derived.AsSpan(16, 16).CopyTo(data);
        ciphertext.CopyTo(data.AsSpan(16));
        return Keccak.Hash(data);
    }

    private static byte[] AesCtr(ReadOnlySpan<byte> key, byte[] iv, ReadOnlySpan<byte> input)
    {
        // CTR mode from an ECB block cipher: XOR the input with E(counter), the 128-bit big-endian counter
        // starting at the IV.
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var counter = iv.ToArray();
        var output = new byte[input.Length];
        var block = new byte[16];
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            aes.EncryptEcb(counter, block, PaddingMode.None);
            for (var i = 0; i < 16 && offset + i < input.Length; i++) output[offset + i] = (byte)(input[offset + i] ^ block[i]);
            for (var i = 15; i >= 0 && ++counter[i] == 0; i--) { }
        }
        return output;
    }

    private static JsonNode Required(JsonObject obj, string name, string prefix) =>
        obj[name] ?? throw new EthereumException($"The keystore is missing '{prefix}{name}'");

    private static string Text(JsonObject obj, string name, string prefix) =>
        Required(obj, name, prefix) is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw new EthereumException($"The keystore's '{prefix}{name}' must be a string");

    private static byte[] Bytes(JsonObject obj, string name, string prefix)
    {
        var text = Text(obj, name, prefix);
        return Hex.IsValid(text) ? Hex.Decode(text)
            : throw new EthereumException($"The keystore's '{prefix}{name}' must be hex but is '{Hex.Truncate(text)}'");
    }

    private static int Integer(JsonObject obj, string name)
    {
        var node = Required(obj, name, "crypto.kdfparams.");
        return node is JsonValue v && int.TryParse(v.ToJsonString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
            : throw new EthereumException($"The keystore's 'crypto.kdfparams.{name}' must be a positive integer but is {node.ToJsonString()}");
    }
}
