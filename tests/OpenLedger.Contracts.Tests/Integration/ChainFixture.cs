using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Integration;

/// <summary>A Hardhat node and clients for accounts of its default mnemonic, derived with our HD wallet.</summary>
public sealed class ChainFixture : IDisposable
{
    private readonly HardhatNode _node = new();
    private readonly HttpClient _http = new();

    public ChainFixture()
    {
        Rpc = new JsonRpcClient(_http, _node.Url);
        Wallet = new HdWallet(HardhatNode.DefaultMnemonic);
    }

    public JsonRpcClient Rpc { get; }

    public HdWallet Wallet { get; }

    public static TransactionManagerOptions FastPolling { get; } = new() { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) };

    /// <summary>A client signing with account <paramref name="index"/> of the default mnemonic, decoding all our errors.</summary>
    public EthereumClient Client(int index, NonceTracker? nonces = null) =>
        new(Rpc, Wallet.GetAccount(index), HardhatNode.ChainId, OpenLedgerContracts.RevertDecoder, FastPolling, nonces);

    public void Dispose()
    {
        _http.Dispose();
        _node.Dispose();
    }
}
