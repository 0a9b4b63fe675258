using Org.BouncyCastle.Crypto.Digests;
using OpenLedger.Ethereum.Primitives;
using Spectre.Console;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>Keccak-256 of a file's bytes, read in chunks so any size fits in constant memory.</summary>
public static class ContentHasher
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Files at least this large get a progress bar on a terminal.</summary>
    public const long ProgressThreshold = 64L << 20;

    public static async Task<Hash32> HashFileAsync(string path, CliConsole console, CancellationToken ct)
    {
        FilePaths.RequireNotFolder(path, "the file to hash");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkSize, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
        await using (stream)
        {
            if (!console.Interactive || stream.Length < ProgressThreshold) return await HashAsync(stream, null, ct);
            Hash32 hash = default;
            await console.Ansi.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask($"hashing {Path.GetFileName(path)}", maxValue: stream.Length);
                hash = await HashAsync(stream, n => task.Increment(n), ct);
            });
            return hash;
        }
    }

    public static async Task<Hash32> HashAsync(Stream stream, Action<long>? read, CancellationToken ct)
    {
        var digest = new KeccakDigest(256);
        var buffer = new byte[ChunkSize];
        int n;
        try
        {
            while ((n = await stream.ReadAsync(buffer, ct)) > 0)
            {
                digest.BlockUpdate(buffer, 0, n);
                read?.Invoke(n);
            }
        }
        catch (IOException e)
        {
            throw new CliException($"cannot read the file: {e.Message}");
        }
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return new Hash32(output);
    }
}
