using System.Text.Json.Nodes;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using static OpenLedger.Ethereum.Tests.Rpc.ServerReply;

namespace OpenLedger.Ethereum.Tests.Rpc;

// What goes over the wire: the scripted server records each request body.
public sealed class RpcRequestShapeTests : IDisposable
{
    private static readonly Address A = Address.Parse("0x0000000000000000000000000000000000000001");
    private static readonly Address B = Address.Parse("0x0000000000000000000000000000000000000002");
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private static JsonNode Params(ScriptedHttpServer server) => JsonNode.Parse(server.Requests.Single())!["params"]!;

    [Fact]
    public async Task Log_filter_writes_ranges_addresses_and_topic_or_lists()
    {
        using var server = new ScriptedHttpServer(Result("[]"));
        var t1 = Keccak.Hash("a");
        var t2 = Keccak.Hash("b");
        await new JsonRpcClient(_http, server.Url).GetLogsAsync(new LogFilter
        {
            FromBlock = 16, ToBlock = BlockTag.Finalized, Addresses = [A, B], Topics = [[t1], null, [t1, t2]],
        });
        var expected = $$"""[{"fromBlock":"0x10","toBlock":"finalized","address":["{{Hex.Encode(A.AsSpan())}}","{{Hex.Encode(B.AsSpan())}}"],"topics":["{{t1}}",null,["{{t1}}","{{t2}}"]]}]""";
        Assert.Equal(expected, Params(server).ToJsonString());
    }

    [Fact]
    public async Task Log_filter_with_block_hash_and_range_is_rejected_before_sending()
    {
        using var server = new ScriptedHttpServer(Result("[]"));
        var e = await Assert.ThrowsAsync<EthereumException>(() =>
            new JsonRpcClient(_http, server.Url).GetLogsAsync(new LogFilter { BlockHash = Hash32.Zero, FromBlock = 1 }));
        Assert.Equal("A log filter takes either a block hash or a block range, not both", e.Message);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Call_request_writes_only_the_fields_set_as_quantities()
    {
        using var server = new ScriptedHttpServer(Result("\"0x\""));
        await new JsonRpcClient(_http, server.Url).CallAsync(new CallRequest { From = A, To = B, Data = [0xab], Value = 0, Gas = 100_000 }, BlockTag.Number(5));
        var expected = $$"""[{"from":"{{Hex.Encode(A.AsSpan())}}","to":"{{Hex.Encode(B.AsSpan())}}","data":"0xab","value":"0x0","gas":"0x186a0"},"0x5"]""";
        Assert.Equal(expected, Params(server).ToJsonString());
    }

    [Fact]
    public async Task Requests_are_json_rpc_2_with_increasing_ids()
    {
        using var server = new ScriptedHttpServer(Result("\"0x1\""), Result("\"0x1\""));
        var client = new JsonRpcClient(_http, server.Url);
        await client.GetChainIdAsync();
        await client.GetChainIdAsync();
        var ids = server.Requests.Select(r => JsonNode.Parse(r)!).Select(r => (r["jsonrpc"]!.GetValue<string>(), r["id"]!.GetValue<long>())).ToArray();
        Assert.Equal([("2.0", 1L), ("2.0", 2L)], ids);
    }
}
