using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Npgsql;
using OpenLedger.Indexer.Store.Rows;

namespace OpenLedger.Indexer.Store.Postgres;

/// <summary>
/// Streams contributions to <c>COPY contributions FROM STDIN (FORMAT BINARY)</c> as PostgreSQL's binary copy format,
/// assembled here into one pooled buffer (Npgsql's raw binary copy). Npgsql's row importer resolves a type handler and
/// checks the row state for each of a row's 13 values, which made the client's CPU per contribution more than the
/// server's heap insert; this writes the same bytes with none of that. The format: a header, then per row a 16-bit field
/// count and per field a 32-bit length and the value (bigint as 8 bytes, bytea as is, text as UTF-8), all big-endian,
/// then a 16-bit -1 (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format").
/// </summary>
internal static class ContributionCopy
{
    public const string Sql =
        "COPY contributions (block_number, log_index, batch_index, id, model_id, contributor, content_hash, kind, uri, bond, tx_hash, status, current_bond) " +
        "FROM STDIN (FORMAT BINARY);";

    private const short FieldCount = 13;

    // "PGCOPY\n\377\r\n\0", then a 32-bit flags field (no OIDs) and a 32-bit header extension length (none).
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static ReadOnlySpan<byte> Active => "active"u8;

    private const int BufferSize = 1 << 16;

    public static async Task WriteAsync(NpgsqlConnection connection, List<ContributionRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var copy = await connection.BeginRawBinaryCopyAsync(Sql, ct);
            try
            {
                var used = Header.Length;
                Header.CopyTo(buffer);
                foreach (var row in rows)
                {
                    // A row fits in the buffer unless its URI and bond are huge: then the buffer grows for it.
                    var size = MaxSize(row);
                    if (used + size > buffer.Length)
                    {
                        await copy.WriteAsync(buffer.AsMemory(0, used), ct);
                        used = 0;
                        if (size > buffer.Length)
                        {
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = ArrayPool<byte>.Shared.Rent(size);
                        }
                    }
                    used += WriteRow(buffer.AsSpan(used), row);
                }
                BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(used), -1);
                await copy.WriteAsync(buffer.AsMemory(0, used + 2), ct);
            }
            catch
            {
                await copy.CancelAsync(); // the server drops the rows it got (the range's transaction rolls back anyway)
                throw;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The bytes a row takes at most: the fixed fields, and 3 UTF-8 bytes per UTF-16 unit of the text fields.
    private static int MaxSize(ContributionRow r) =>
        2 + FieldCount * 4 + 5 * 8 + 32 + 20 + 32 + 32 + Active.Length + 3 * (r.Uri.Length + 2 * r.Bond.Length) + 2;

    private static int WriteRow(Span<byte> into, ContributionRow r)
    {
        BinaryPrimitives.WriteInt16BigEndian(into, FieldCount);
        var at = 2;
        at += Bigint(into[at..], r.BlockNumber);
        at += Bigint(into[at..], r.LogIndex);
        at += Bigint(into[at..], r.BatchIndex);
        at += Bytes(into[at..], r.Id.AsSpan());
        at += Bigint(into[at..], r.ModelId);
        at += Bytes(into[at..], r.Contributor.AsSpan());
        at += Bytes(into[at..], r.ContentHash.AsSpan());
        at += Bigint(into[at..], r.Kind);
        at += Text(into[at..], r.Uri);
        at += Text(into[at..], r.Bond);
        at += Bytes(into[at..], r.TxHash.AsSpan());
        at += Bytes(into[at..], Active);
        at += Text(into[at..], r.Bond);
        return at;
    }

    private static int Bigint(Span<byte> into, long value)
    {
        BinaryPrimitives.WriteInt32BigEndian(into, 8);
        BinaryPrimitives.WriteInt64BigEndian(into[4..], value);
        return 12;
    }

    private static int Bytes(Span<byte> into, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(into, value.Length);
        value.CopyTo(into[4..]);
        return 4 + value.Length;
    }

    private static int Text(Span<byte> into, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, into[4..]);
        BinaryPrimitives.WriteInt32BigEndian(into, length);
        return 4 + length;
    }
}
