using System.Text.Json;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Ethereum.Tests.Rpc;

/// <summary>
/// The fast log reader against the strict one: on every input both give the same log or the same error, and the
/// fast one takes the shape nodes actually send (so the speed-up is real, not a silent fallback).
/// </summary>
public class RpcLogFastReaderTests
{
    private static readonly string H1 = "0x" + string.Concat(Enumerable.Repeat("ab", 32));
    private static readonly string H2 = "0x" + string.Concat(Enumerable.Repeat("0f", 32));
    private const string Addr = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    private static string Log(string? address = Addr, string? topics = null, string? data = "\"0xdeadbeef\"", string? blockNumber = "\"0x1a\"",
        string? blockHash = null, string? txHash = null, string? txIndex = "\"0x0\"", string? logIndex = "\"0x3\"", string? removed = "false", string extra = "")
    {
        var fields = new List<string>();
        void Add(string name, string? value) { if (value is not null) fields.Add($"\"{name}\":{value}"); }
        Add("address", address is null ? null : $"\"{address}\"");
        Add("topics", topics ?? $"[\"{H1}\",\"{H2}\"]");
        Add("data", data);
        Add("blockNumber", blockNumber);
        Add("blockHash", blockHash ?? $"\"{H2}\"");
        Add("transactionHash", txHash ?? $"\"{H1}\"");
        Add("transactionIndex", txIndex);
        Add("logIndex", logIndex);
        Add("removed", removed);
        return "{" + string.Join(",", fields) + extra + "}";
    }

    public static TheoryData<string> Inputs() => new()
    {
        Log(),
        Log(removed: null),
        Log(removed: "true"),
        Log(data: "\"0x\""),
        Log(topics: "[]"),
        Log(extra: ",\"blockTimestamp\":\"0x5\",\"transactionLogIndex\":\"0x0\""),
        Log(address: Addr.ToUpperInvariant().Replace("0X", "0x")),
        Log(blockNumber: "\"0x001a\""),
        Log(blockNumber: "\"0X1a\""),
        Log(blockNumber: "\"0x\""),
        Log(blockNumber: "\"0x1g\""),
        Log(blockNumber: "\"0x10000000000000000\""),
        Log(blockNumber: "26"),
        Log(blockNumber: "null"),
        Log(blockNumber: null),
        Log(logIndex: "\"0x100000000\""),
        Log(txIndex: "\"0xffffffff\""),
        Log(data: "\"0xabc\""),
        Log(data: "\"deadbeef\""),
        Log(data: "\"0xzz\""),
        Log(data: "\"0x\\u0064e\""),
        Log(address: "0x1234"),
        Log(address: null),
        Log(blockHash: "\"0x1234\""),
        Log(blockHash: "\"" + H1[2..] + "\""),
        Log(txHash: "\"\\u0030x" + H1[2..] + "\""),
        Log(topics: $"[\"{H1}\",\"{H1}\",\"{H1}\",\"{H1}\",\"{H1}\"]"),
        Log(topics: "[1]"),
        Log(topics: "{}"),
        Log(removed: "\"no\""),
        Log(removed: "null"),
        Log(extra: ",\"logIndex\":\"0x4\""),
        Log(extra: ",\"log\\u0049ndex\":\"0x4\""),
        "[]",
        "\"log\"",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Fast_reader_gives_the_strict_readers_log_or_its_error(string json)
    {
        using var document = JsonDocument.Parse(json);
        var (strict, strictError) = Outcome(() => RpcLog.ReadStrict(document.RootElement));
        var (read, readError) = Outcome(() => RpcLog.Read(document.RootElement));
        Assert.Equal(strictError, readError);
        if (strict is null) return;
        Assert.NotNull(read);
        Assert.Equal(strict.Address, read.Address);
        Assert.Equal(strict.Topics, read.Topics);
        Assert.Equal(strict.Data, read.Data);
        Assert.Equal((strict.BlockNumber, strict.BlockHash, strict.TransactionHash, strict.TransactionIndex, strict.LogIndex, strict.Removed),
            (read.BlockNumber, read.BlockHash, read.TransactionHash, read.TransactionIndex, read.LogIndex, read.Removed));
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void Fast_reader_takes_a_node_shaped_log_itself(string removed, bool expected)
    {
        using var document = JsonDocument.Parse(Log(removed: removed));
        Assert.True(RpcLogFastReader.TryRead(document.RootElement, out var log));
        Assert.Equal(0x1aUL, log.BlockNumber);
        Assert.Equal(3u, log.LogIndex);
        Assert.Equal(new byte[] { 0xde, 0xad, 0xbe, 0xef }, log.Data);
        Assert.Equal(2, log.Topics.Count);
        Assert.Equal(expected, log.Removed);
    }

    [Theory]
    [InlineData("\"0x\\u0031a\"", "")]
    [InlineData("\"0x1a\"", ",\"fo\\u006f\":1")]
    public void Fast_reader_hands_over_what_it_does_not_take_outright(string blockNumber, string extra)
    {
        using var document = JsonDocument.Parse(Log(blockNumber: blockNumber, extra: extra));
        Assert.False(RpcLogFastReader.TryRead(document.RootElement, out _));
        Assert.Equal(0x1aUL, RpcLog.Read(document.RootElement).BlockNumber);
    }

    private static (RpcLog? Log, string? Error) Outcome(Func<RpcLog> read)
    {
        try { return (read(), null); }
        catch (EthereumException e) { return (null, e.Message); }
    }
}
