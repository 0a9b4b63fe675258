using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Ethereum.Sending;

/// <summary>
/// The <c>Web3</c>-like entry point: a JSON-RPC client, the account that signs, and its transaction manager,
/// with the chain id read from the node once.
/// </summary>
public sealed class EthereumClient
{
    public EthereumClient(JsonRpcClient rpc, Account account, ulong chainId, RevertDecoder? errors = null,
        TransactionManagerOptions? options = null, NonceTracker? nonces = null)
    {
        Rpc = rpc;
        Account = account;
        ChainId = chainId;
        Transactions = new TransactionManager(rpc, account, chainId, errors, options, nonces);
    }

    /// <summary>Connects to <paramref name="rpc"/>, reading the chain id so every signature is bound to that chain.</summary>
    public static async Task<EthereumClient> ConnectAsync(JsonRpcClient rpc, Account account, RevertDecoder? errors = null,
        TransactionManagerOptions? options = null, CancellationToken ct = default)
    {
        var chainId = await rpc.GetChainIdAsync(ct).ConfigureAwait(false);
        return new EthereumClient(rpc, account, chainId, errors, options);
    }

    public JsonRpcClient Rpc { get; }

    public Account Account { get; }

    public ulong ChainId { get; }

    public TransactionManager Transactions { get; }

    public RevertDecoder Errors => Transactions.Errors;
}
