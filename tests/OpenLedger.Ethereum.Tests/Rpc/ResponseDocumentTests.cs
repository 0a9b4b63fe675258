using System.Text;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Ethereum.Tests.Rpc;

/// <summary>Reading a response body into a pooled buffer: whatever the Content-Length says, the body is what arrives.</summary>
public sealed class ResponseDocumentTests
{
    // A large JSON array, as eth_getLogs answers: far over the first buffer, so the buffer must grow several times.
    private static byte[] Body(int items) =>
        Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Range(0, items).Select(i => $"\"{i:x64}\"")) + "]");

    // Hands out a few bytes per read, like a network stream, and never says how long it is.
    private sealed class TrickleStream(byte[] bytes, Exception? failAtEnd = null) : Stream
    {
        private int _at;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_at == bytes.Length && failAtEnd is not null) throw failAtEnd;
            var n = Math.Min(Math.Min(count, 1000), bytes.Length - _at);
            Array.Copy(bytes, _at, buffer, offset, n);
            _at += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _at; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10L)]              // promises less than arrives
    [InlineData(1L << 40)]         // promises a terabyte: not taken at its word
    public async Task The_whole_body_is_read_whatever_the_content_length_promised(long? promised)
    {
        var body = Body(20_000);
        using var content = new StreamContent(new TrickleStream(body));
        content.Headers.ContentLength = promised;
        using var response = await ResponseDocument.ReadAsync(content, CancellationToken.None);
        Assert.Equal(body.Length, response.Length);
        Assert.True(response.Bytes.SequenceEqual(body));
        Assert.Equal(20_000, response.Root.GetArrayLength());
        Assert.Equal($"{19_999:x64}", response.Root[19_999].GetString());
    }

    [Fact]
    public async Task A_connection_that_breaks_mid_body_surfaces_as_the_streams_exception()
    {
        using var content = new StreamContent(new TrickleStream(Body(100), new IOException("connection reset")));
        var e = await Assert.ThrowsAsync<IOException>(() => ResponseDocument.ReadAsync(content, CancellationToken.None));
        Assert.Equal("connection reset", e.Message);
    }

    [Fact]
    public async Task A_body_that_is_not_json_fails_when_parsed_and_keeps_its_bytes_for_the_message()
    {
        using var content = new StringContent("<html>bad gateway</html>");
        using var response = await ResponseDocument.ReadAsync(content, CancellationToken.None);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => response.Root);
        Assert.Equal("<html>bad gateway</html>", Encoding.UTF8.GetString(response.Bytes));
    }
}
