using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.TestSupport;
using static OpenLedger.Ethereum.Tests.Rpc.ServerReply;

namespace OpenLedger.Ethereum.Tests.Rpc;

public sealed class JsonRpcFaultTests : IDisposable
{
    private static readonly JsonRpcClientOptions Fast = new()
    {
        MaxRetries = 3,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        // Generous: a busy test machine must not turn a scripted answer into a timeout and an extra attempt.
        RequestTimeout = TimeSpan.FromSeconds(5),
    };

    // For the tests where the server hangs on purpose.
    private static readonly JsonRpcClientOptions ShortTimeout = Fast with { RequestTimeout = TimeSpan.FromMilliseconds(500) };

    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private JsonRpcClient Client(ScriptedHttpServer server) => new(_http, server.Url, Fast);

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Transient_http_status_is_retried_until_an_answer(int status)
    {
        using var server = new ScriptedHttpServer(Raw(status, "busy"), Raw(status, "busy"), Result("\"0x7a69\""));
        Assert.Equal(31337UL, await Client(server).GetChainIdAsync());
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_of_a_rate_limit_is_reported_and_honoured()
    {
        using var server = new ScriptedHttpServer(Raw(429, "slow down", headers: "Retry-After: 0\r\n"), Raw(429, "slow down", headers: "Retry-After: 7\r\n"));
        var client = new JsonRpcClient(_http, server.Url, Fast with { MaxRetries = 1 });
        var e = await Assert.ThrowsAsync<RpcException>(() => client.GetChainIdAsync());
        Assert.Equal(TimeSpan.FromSeconds(7), e.RetryAfter);
        Assert.Equal(429, e.HttpStatus);
        Assert.Equal(2, server.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(501)]
    public async Task Permanent_http_status_is_not_retried(int status)
    {
        using var server = new ScriptedHttpServer(Raw(status, "nope"), Result("\"0x1\""));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetChainIdAsync());
        Assert.Equal(status, e.HttpStatus);
        Assert.False(e.IsTransient);
        Assert.StartsWith("eth_chainId: HTTP", e.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Internal_server_error_with_a_json_body_that_is_no_rpc_answer_is_retried()
    {
        using var server = new ScriptedHttpServer(Raw(500, """{"message":"upstream unavailable"}"""), Result("\"0x7a69\""));
        Assert.Equal(31337UL, await Client(server).GetChainIdAsync());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Internal_server_error_every_time_fails_as_transient_naming_the_status_and_the_attempts()
    {
        using var server = new ScriptedHttpServer(Raw(500, "down"), Raw(500, "down"), Raw(500, "down"), Raw(500, "down"));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetChainIdAsync());
        Assert.Equal(500, e.HttpStatus);
        Assert.True(e.IsTransient);
        Assert.StartsWith("eth_chainId: HTTP 500", e.Message);
        Assert.EndsWith("(4 attempts)", e.Message);
        Assert.Equal(4, server.Requests.Count);
    }

    [Fact]
    public async Task Internal_server_error_carrying_a_json_rpc_error_is_the_nodes_answer_and_not_retried()
    {
        var data = Hex.Encode(AbiError.ErrorString.Encode("not allowed"));
        using var server = new ScriptedHttpServer(
            request => new(500, $$$"""{"jsonrpc":"2.0","id":{{{request["id"]!.ToJsonString()}}},"error":{"code":3,"message":"execution reverted: not allowed","data":"{{{data}}}"}}"""),
            Result("\"0x1\""));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).SendAsync("eth_call"));
        Assert.Equal(3, e.Code);
        Assert.False(e.IsTransient);
        Assert.Equal("not allowed", e.ToRevert()!.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Hanging_server_times_out_and_the_retry_gets_the_answer()
    {
        using var server = new ScriptedHttpServer(Raw(200, "", Fault.Hang), Result("\"0x10\""));
        Assert.Equal(16UL, await new JsonRpcClient(_http, server.Url, Fast with { RequestTimeout = TimeSpan.FromSeconds(1) }).GetBlockNumberAsync());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Server_that_always_hangs_fails_with_a_timeout_naming_the_attempts()
    {
        using var server = new ScriptedHttpServer(Raw(200, "", Fault.Hang), Raw(200, "", Fault.Hang), Raw(200, "", Fault.Hang), Raw(200, "", Fault.Hang));
        var e = await Assert.ThrowsAsync<RpcException>(() => new JsonRpcClient(_http, server.Url, ShortTimeout).GetBlockNumberAsync());
        Assert.Equal("eth_blockNumber: no response within 0.5 s (4 attempts)", e.Message);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task Dropped_connection_is_retried()
    {
        using var server = new ScriptedHttpServer(Raw(200, "", Fault.Drop), Result("\"0x5\""));
        Assert.Equal(5UL, await Client(server).GetBlockNumberAsync());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Truncated_body_is_retried()
    {
        using var server = new ScriptedHttpServer(Raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"res", Fault.Truncate), Result("\"0x5\""));
        Assert.Equal(5UL, await Client(server).GetBlockNumberAsync());
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Garbage_json_is_retried_then_reported()
    {
        using var server = new ScriptedHttpServer(Raw(200, "<html>"), Raw(200, "{\"id\":"), Raw(200, "nope"), Raw(200, "]]"));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockNumberAsync());
        Assert.StartsWith("eth_blockNumber: HTTP 200 response is not valid JSON", e.Message);
        Assert.EndsWith("(4 attempts)", e.Message);
    }

    [Fact]
    public async Task Refused_connection_is_transient_and_retried()
    {
        var port = LoopbackPort.Free();
        var client = new JsonRpcClient(_http, new Uri($"http://127.0.0.1:{port}/"), Fast);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.GetChainIdAsync());
        Assert.True(e.IsTransient);
        Assert.Contains("request to http://127.0.0.1:", e.Message);
        Assert.EndsWith("(4 attempts)", e.Message);
    }

    [Fact]
    public async Task Revert_with_hex_data_is_not_retried_and_decodes_to_the_reason()
    {
        var data = Hex.Encode(AbiError.ErrorString.Encode("not allowed"));
        using var server = new ScriptedHttpServer(Error($$"""{"code":3,"message":"execution reverted: not allowed","data":"{{data}}"}"""));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).SendAsync("eth_call"));
        Assert.Equal(3, e.Code);
        Assert.Equal("eth_call: execution reverted: not allowed", e.Message);
        Assert.Equal("not allowed", e.ToRevert()!.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Hardhat_nested_revert_data_is_read_and_call_throws_the_custom_error()
    {
        var error = AbiError.Parse("error ContributionRegistryDuplicate(uint256 modelId, bytes32 contentHash)");
        var data = Hex.Encode(error.Encode(7, new byte[32]));
        using var server = new ScriptedHttpServer(Error($$$"""{"code":-32603,"message":"Error: VM Exception while processing transaction: reverted with custom error","data":{"message":"reverted","data":"{{{data}}}"}}"""));
        var e = await Assert.ThrowsAsync<ContractRevertException>(() =>
            Client(server).CallAsync(new CallRequest { To = Address.Zero }, errors: new RevertDecoder([error])));
        Assert.Equal("ContributionRegistryDuplicate", e.ErrorName);
        Assert.Equal(new System.Numerics.BigInteger(7), e.Arguments[0]);
        Assert.IsType<RpcException>(e.InnerException);
    }

    [Fact]
    public async Task Invalid_params_error_is_not_a_revert_and_not_retried()
    {
        using var server = new ScriptedHttpServer(Error("""{"code":-32602,"message":"invalid argument 0: hex string has length 3"}"""), Result("\"0x1\""));
        var e = await Assert.ThrowsAsync<RpcException>(() => Client(server).GetBlockNumberAsync());
        Assert.Equal(-32602, e.Code);
        Assert.False(e.IsRevert);
        Assert.Null(e.ToRevert());
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_stops_without_retrying()
    {
        using var server = new ScriptedHttpServer(Raw(200, "", Fault.Hang), Result("\"0x1\""));
        using var cts = new CancellationTokenSource();
        var call = Client(server).GetBlockNumberAsync(cts.Token);
        while (server.Requests.IsEmpty) await Task.Delay(5);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(server.Requests);
    }
}
