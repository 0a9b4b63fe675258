using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Ethereum.Tests.Rpc;
using OpenLedger.Ethereum.Transactions;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Sending;

/// <summary>The transaction manager against a real Hardhat node, with accounts from our HD wallet.</summary>
public sealed class TransactionManagerTests(HardhatChainFixture chain) : IClassFixture<HardhatChainFixture>
{
    private static readonly HdWallet Wallet = new(HardhatNode.DefaultMnemonic);
    private static readonly TransactionManagerOptions Fast = new() { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) };

    private TransactionManager Manager(int account, TransactionManagerOptions? options = null) =>
        new(chain.Client, Wallet.GetAccount(account), HardhatNode.ChainId, null, options ?? Fast);

    [Fact]
    public async Task Signed_eip1559_value_transfer_is_mined_from_the_hd_wallet_account()
    {
        var manager = Manager(14);
        var to = Wallet.GetAccount(15).Address;
        var before = await chain.Client.GetBalanceAsync(to);
        var receipt = await manager.SendAndWaitAsync(new TransactionRequest { To = to, Value = 12345 });
        Assert.True(receipt.Succeeded);
        Assert.Equal(manager.Account.Address, receipt.From);
        Assert.Equal(before + 12345, await chain.Client.GetBalanceAsync(to));
    }

    [Fact]
    public async Task Suggested_fees_are_twice_the_next_base_fee_plus_the_nodes_tip()
    {
        var manager = Manager(14);
        var fees = await manager.SuggestFeesAsync();
        var history = await chain.Client.GetFeeHistoryAsync(1, BlockTag.Latest);
        var tip = await chain.Client.GetMaxPriorityFeePerGasAsync();
        Assert.Equal(tip, fees.MaxPriorityFeePerGas);
        Assert.Equal(2 * history.BaseFeePerGas[^1] + tip, fees.MaxFeePerGas);
    }

    [Fact]
    public async Task Gas_limit_is_the_estimate_plus_the_margin()
    {
        var manager = Manager(14, Fast with { GasMarginPercent = 50 });
        var request = new TransactionRequest { To = Wallet.GetAccount(15).Address, Value = 1 };
        var nodeEstimate = await chain.Client.EstimateGasAsync(new CallRequest { From = manager.Account.Address, To = request.To, Value = 1 });
        Assert.Equal((ulong)(nodeEstimate * 3 / 2), await manager.EstimateGasAsync(request));
    }

    [Fact]
    public async Task Explicit_fees_and_gas_are_used_as_given()
    {
        var manager = Manager(16);
        var signed = await manager.SendAsync(new TransactionRequest
        {
            To = Wallet.GetAccount(15).Address, Value = 1, GasLimit = 30_000, MaxFeePerGas = 50_000_000_000, MaxPriorityFeePerGas = 2_000_000_000,
        });
        var tx = Assert.IsType<Eip1559Transaction>(signed.Transaction);
        Assert.Equal((30_000UL, new BigInteger(50_000_000_000), new BigInteger(2_000_000_000)), (tx.GasLimit, tx.MaxFeePerGas, tx.MaxPriorityFeePerGas));
        Assert.Equal(HardhatNode.ChainId, tx.ChainId);
        Assert.Equal(manager.Account.Address, signed.RecoverSender());
        Assert.True((await manager.WaitForReceiptAsync(signed.Hash)).Succeeded);
    }

    [Fact]
    public async Task A_reverting_call_fails_at_estimation_with_the_decoded_reason()
    {
        var (emitter, _) = await chain.DeployEmitterAsync();
        var manager = Manager(17);
        // Calldata no function of the contract matches: the contract reverts without data.
        var revert = await Assert.ThrowsAsync<ContractRevertException>(() =>
            manager.SendAndWaitAsync(new TransactionRequest { To = emitter, Data = [0xde, 0xad, 0xbe, 0xef] }));
        Assert.Null(revert.Error);
    }

    [Fact]
    public async Task Waiting_for_a_transaction_that_is_never_mined_times_out_with_its_hash()
    {
        var manager = Manager(18, Fast with { ReceiptTimeout = TimeSpan.FromMilliseconds(200) });
        var unknown = Keccak.Hash("never sent");
        var ex = await Assert.ThrowsAsync<EthereumException>(() => manager.WaitForReceiptAsync(unknown));
        Assert.Contains(unknown.ToString(), ex.Message);
        Assert.Contains("no receipt", ex.Message);
    }

    [Fact]
    public void A_negative_gas_margin_is_rejected()
    {
        var ex = Assert.Throws<EthereumException>(() => Manager(0, Fast with { GasMarginPercent = -1 }));
        Assert.Contains("GasMarginPercent must be 0 or more but is -1", ex.Message);
    }

    [Fact]
    public async Task Broadcasting_a_transaction_the_node_already_has_is_not_an_error_and_does_not_send_twice()
    {
        // What a retried broadcast looks like when the first attempt got through: the identical signed bytes again.
        var manager = Manager(19);
        var nonce = await chain.Client.GetTransactionCountAsync(manager.Account.Address, BlockTag.Pending);
        var request = new TransactionRequest
        {
            To = Wallet.GetAccount(15).Address, Value = 7, Nonce = nonce, GasLimit = 21_000,
            MaxFeePerGas = 100_000_000_000, MaxPriorityFeePerGas = 1_000_000_000,
        };
        var first = await manager.SendAsync(request);
        var second = await manager.SendAsync(request);
        Assert.Equal(first.Hash, second.Hash);
        Assert.True((await manager.WaitForReceiptAsync(first.Hash)).Succeeded);
        Assert.Equal(nonce + 1, await chain.Client.GetTransactionCountAsync(manager.Account.Address));
    }

    [Fact]
    public async Task A_rejected_transaction_that_the_node_does_not_have_still_fails()
    {
        var manager = Manager(19);
        var nonce = await chain.Client.GetTransactionCountAsync(manager.Account.Address, BlockTag.Pending);
        await manager.SendAndWaitAsync(new TransactionRequest { To = Wallet.GetAccount(15).Address, Value = 1 });
        // Same nonce, different content: a genuine "nonce too low".
        var ex = await Assert.ThrowsAsync<RpcException>(() => manager.SendAsync(new TransactionRequest { To = Wallet.GetAccount(15).Address, Value = 2, Nonce = nonce }));
        Assert.Contains("nonce", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tip_above_the_fee_cap_is_lowered_to_the_cap()
    {
        var manager = Manager(16);
        var suggested = await manager.SuggestFeesAsync();
        var cap = suggested.MaxFeePerGas; // twice the next base fee plus the tip: includable
        var signed = await manager.SendAsync(new TransactionRequest
        {
            To = Wallet.GetAccount(15).Address, Value = 1, MaxFeePerGas = cap, MaxPriorityFeePerGas = cap * 2,
        });
        var tx = Assert.IsType<Eip1559Transaction>(signed.Transaction);
        Assert.Equal((cap, cap), (tx.MaxFeePerGas, tx.MaxPriorityFeePerGas));
        Assert.True((await manager.WaitForReceiptAsync(signed.Hash)).Succeeded);
    }
}
