using System.Buffers.Binary;
using System.Security.Cryptography;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Demo;

/// <summary>
/// The secret the demo's evaluation split is drawn from: 32 random bytes made fresh for each run and kept only in the
/// run folder (owner-readable), never printed. With the split drawn from the public seed, anyone could rebuild the test
/// rows and register copies of them; from the secret, the rows are unknown until the report reveals them.
/// </summary>
public static class EvaluationSecret
{
    public const int Length = 32;

    /// <summary>Makes a fresh secret and writes it to <paramref name="path"/> (mode 600 where the system has modes).</summary>
    public static byte[] Create(string path)
    {
        var secret = RandomNumberGenerator.GetBytes(Length);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(path, options)) file.Write(secret);
        return secret;
    }

    /// <summary>The split seed: the first 8 bytes of the secret's keccak-256, big-endian.</summary>
    public static ulong SplitSeed(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != Length) throw new DemoFailure($"the evaluation secret must be {Length} bytes but is {secret.Length}");
        return BinaryPrimitives.ReadUInt64BigEndian(Keccak.Hash(secret).AsSpan()[..8]);
    }
}
