using System.Buffers;
using System.Text.Json;

namespace OpenLedger.Ethereum.Rpc;

/// <summary>
/// A response body read into a buffer rented from the shared pool and parsed in place; disposing it returns the buffer.
/// eth_getLogs answers run to megabytes: a fresh array for each one lands on the large object heap, and an indexer
/// backfill then spent its time in full collections set off by those arrays.
/// </summary>
internal sealed class ResponseDocument : IDisposable
{
    private const int FirstBufferSize = 16 * 1024;
    // A Content-Length is only a promise: the first buffer follows it up to here, and grows with what actually arrives.
    private const int MaxBufferFromHeader = 64 * 1024 * 1024;

    private byte[]? _buffer;
    private JsonDocument? _document;

    private ResponseDocument(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, Length);

    /// <summary>The parsed body; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public JsonElement Root => (_document ??= JsonDocument.Parse(_buffer.AsMemory(0, Length))).RootElement;

    /// <summary>Reads the whole body. Failures of the connection while reading surface as the stream's exceptions.</summary>
    public static async Task<ResponseDocument> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var promised = content.Headers.ContentLength;
        // One byte over the promised length, so the read that finds the end does not need a bigger buffer.
        var buffer = ArrayPool<byte>.Shared.Rent(promised is > 0 and < MaxBufferFromHeader ? (int)promised.Value + 1 : FirstBufferSize);
        var length = 0;
        try
        {
            await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0) return new ResponseDocument(buffer, length);
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        _document?.Dispose();
        _document = null;
        if (_buffer is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
    }
}
