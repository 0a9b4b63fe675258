using System.Text;
using System.Text.Json.Nodes;
using OpenLedger.Contracts;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Explorer.Tests;

/// <summary>
/// The wallet a browser extension would inject, for tests: the page sees an EIP-1193 provider (window.ethereum) whose
/// requests come here. It holds one local test key: accounts and the chain id are answered here, transactions are
/// signed with the key by our Ethereum layer and sent raw, everything else goes to the Hardhat node unchanged
/// (errors too, with their revert data, as a real wallet passes them on).
/// </summary>
public sealed class TestWallet(Uri chain, Account account, ulong chainId)
{
    /// <summary>The provider object installed in every page before its scripts run.</summary>
    public const string InitScript = """
        window.ethereum = {
          isOpenLedgerTestWallet: true,
          async request({ method, params }) {
            const answer = JSON.parse(await window.__openledgerTestWallet(JSON.stringify({ method, params: params ?? [] })));
            if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code, data: answer.error.data });
            return answer.result;
          },
        };
        """;

    private static readonly HttpClient Http = new();
    private readonly TransactionManager _transactions = new(new JsonRpcClient(new HttpClient(), chain), account, chainId, OpenLedgerContracts.RevertDecoder);

    public Address Address => account.Address;

    /// <summary>Every method the page called, in order, so tests can tell a call from a sent transaction.</summary>
    public List<string> Calls { get; } = [];

    public async Task<string> HandleAsync(string requestJson)
    {
        var request = JsonNode.Parse(requestJson)!;
        var method = request["method"]!.GetValue<string>();
        var parameters = request["params"]!.AsArray();
        lock (Calls) Calls.Add(method);
        switch (method)
        {
            case "eth_requestAccounts" or "eth_accounts":
                return Result(new JsonArray(account.Address.ToString()));
            case "eth_chainId":
                return Result("0x" + chainId.ToString("x"));
            case "eth_sendTransaction":
                var tx = parameters[0]!;
                if (!string.Equals(tx["from"]?.GetValue<string>(), account.Address.ToString(), StringComparison.OrdinalIgnoreCase))
                    return Error(4100, $"the test wallet signs only for {account.Address}");
                try
                {
                    var signed = await _transactions.SendAsync(new TransactionRequest
                    {
                        To = Address.Parse(tx["to"]!.GetValue<string>()), Data = Hex.Decode(tx["data"]!.GetValue<string>()),
                    });
                    return Result(signed.Hash.ToString());
                }
                catch (EthereumException e)
                {
                    return Error(-32603, e.Message);
                }
            default:
                return await ForwardAsync(method, parameters);
        }
    }

    private async Task<string> ForwardAsync(string method, JsonArray parameters)
    {
        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = parameters.DeepClone() };
        using var response = await Http.PostAsync(chain, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return answer["error"] is { } error ? new JsonObject { ["error"] = error.DeepClone() }.ToJsonString()
            : new JsonObject { ["result"] = answer["result"]?.DeepClone() }.ToJsonString();
    }

    private static string Result(JsonNode? value) => new JsonObject { ["result"] = value }.ToJsonString();

    private static string Error(int code, string message) =>
        new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString();
}
