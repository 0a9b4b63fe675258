using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using static OpenLedger.Ethereum.Tests.Rpc.ServerReply;

namespace OpenLedger.Ethereum.Tests.Rpc;

public sealed class JsonRpcMalformedResponseTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private JsonRpcClient Client(ScriptedHttpServer server) =>
        new(_http, server.Url, new JsonRpcClientOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

    [Theory]
    [InlineData("\"0x01\"", "eth_blockNumber: malformed result: block number must not have leading zeros but is '0x01'")]
    [InlineData("\"0xzz\"", "eth_blockNumber: malformed result: block number has a non-hex character 'z'")]
    [InlineData("\"12\"", "eth_blockNumber: malformed result: block number must be 0x followed by hex digits but is '12'")]
    [InlineData("\"0x\"", "eth_blockNumber: malformed result: block number must be 0x followed by hex digits")]
    [InlineData("12", "eth_blockNumber: malformed result: block number must be a string but is Number 12")]
    [InlineData("null", "eth_blockNumber: malformed result: block number must be a string but is Null")]
    [InlineData("\"0x10000000000000000\"", "eth_blockNumber: malformed result: block number 0x10000000000000000 does not fit 64 bits")]
    public async Task Bad_quantities_are_reported_with_the_method(string result, string message)
    {
        using var server = new ScriptedHttpServer(Result(result));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockNumberAsync());
        Assert.StartsWith(message, e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Missing_result_is_reported()
    {
        using var server = new ScriptedHttpServer(Raw(200, """{"jsonrpc":"2.0","id":1}"""));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockNumberAsync());
        Assert.StartsWith("eth_blockNumber: response has neither result nor error", e.Message);
    }

    [Fact]
    public async Task Wrong_response_id_is_reported()
    {
        using var server = new ScriptedHttpServer(Raw(200, """{"jsonrpc":"2.0","id":999,"result":"0x1"}"""));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockNumberAsync());
        Assert.Equal("eth_blockNumber: response id 999 does not match request id 1", e.Message);
    }

    [Fact]
    public async Task Array_instead_of_object_is_reported()
    {
        using var server = new ScriptedHttpServer(Raw(200, "[1,2]"));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockNumberAsync());
        Assert.StartsWith("eth_blockNumber: response must be a JSON object but is Array", e.Message);
    }

    [Fact]
    public async Task Block_hash_of_wrong_length_is_reported()
    {
        var block = """{"number":"0x1","hash":"0x1234","parentHash":"0x1234","timestamp":"0x1","gasLimit":"0x1","gasUsed":"0x0","transactions":[]}""";
        using var server = new ScriptedHttpServer(Result(block));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockByNumberAsync(1));
        Assert.StartsWith("eth_getBlockByNumber: malformed result: block hash must be 32 bytes but is 2", e.Message);
    }

    [Fact]
    public async Task Log_without_block_hash_is_reported_with_its_index()
    {
        var log = """{"address":"0x0000000000000000000000000000000000000001","topics":[],"data":"0x","blockNumber":"0x1","transactionHash":"0x""" + new string('0', 64) + "\",\"transactionIndex\":\"0x0\",\"logIndex\":\"0x0\"}";
        using var server = new ScriptedHttpServer(Result($"[{log}]"));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetLogsAsync(new LogFilter()));
        Assert.StartsWith("eth_getLogs: malformed result: log 0: field 'blockHash' is missing", e.Message);
    }

    [Fact]
    public async Task Unknown_block_is_null()
    {
        using var server = new ScriptedHttpServer(Result("null"));
        Assert.Null(await Client(server).GetBlockByHashAsync(Hash32.Zero));
    }

    [Fact]
    public async Task Batch_answers_are_matched_by_id_whatever_their_order()
    {
        using var server = new ScriptedHttpServer(Raw(200, """[{"jsonrpc":"2.0","id":2,"result":"0x2"},{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"boom"}}]"""));
        var results = await Client(server).SendBatchAsync([("eth_blockNumber", null), ("eth_chainId", null)]);
        Assert.Equal("boom", results[0].Error!.Detail);
        Assert.Equal("eth_blockNumber", results[0].Error!.Method);
        Assert.Equal("0x2", results[1].GetResult().GetString());
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"}]""", "batch response lacks id 2 (eth_chainId)")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":1,"result":"0x1"}]""", "batch response has id 1 twice")]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"result":"0x1"},{"jsonrpc":"2.0","id":7,"result":"0x1"}]""", "batch response has id 7, which was not requested (ids 1 to 2)")]
    [InlineData("""{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch too large"}}""", "batch too large")]
    public async Task Malformed_batches_are_reported(string body, string reason)
    {
        using var server = new ScriptedHttpServer(Raw(200, body));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).SendBatchAsync([("eth_blockNumber", null), ("eth_chainId", null)]));
        Assert.Contains(reason, e.Message);
    }
}
