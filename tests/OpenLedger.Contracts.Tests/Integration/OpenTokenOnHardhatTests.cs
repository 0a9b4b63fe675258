using System.Numerics;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Client;
using OpenLedger.Contracts.Tests.Sync;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.TestSupport;

namespace OpenLedger.Contracts.Tests.Integration;

/// <summary>OpenToken deployed and used through our own stack: HD wallet, EIP-1559 signing, transaction manager, bindings.</summary>
public sealed class OpenTokenOnHardhatTests(ChainFixture chain) : IClassFixture<ChainFixture>
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    private async Task<ContractClient> DeployTokenAsync(EthereumClient owner)
    {
        var artifact = HardhatArtifact.Load(RepoPaths.Combine("artifacts", "contracts", "OpenToken.sol", "OpenToken.json"));
        _ = HardhatArtifacts.Read("artifacts/contracts/OpenToken.sol/OpenToken.json"); // compiled before loading
        var (token, receipt) = await ContractClient.DeployAsync(owner, artifact.Bytecode, new OpenTokenDeployment(owner.Account.Address));
        Assert.True(receipt.Succeeded);
        Assert.Equal(owner.Account.Address, receipt.Events<OwnershipTransferredEvent>().Single().NewOwner);
        return token;
    }

    [Fact]
    public async Task Hd_wallet_accounts_are_the_nodes_funded_accounts()
    {
        var accounts = await chain.Rpc.SendAsync("eth_accounts");
        Assert.Equal(Address.Parse(accounts[0].GetString()!), chain.Wallet.GetAccount(0).Address);
        Assert.Equal(Address.Parse(accounts[7].GetString()!), chain.Wallet.GetAccount(7).Address);
    }

    [Fact]
    public async Task Deployed_token_mints_and_transfers_with_Transfer_events_decoded_by_the_bindings()
    {
        var owner = chain.Client(1);
        var alice = chain.Wallet.GetAccount(2).Address;
        var token = await DeployTokenAsync(owner);

        var mint = await token.SendAsync(new MintFunction(owner.Account.Address, 1000 * Ether));
        Assert.Equal(new TransferEvent(Address.Zero, owner.Account.Address, 1000 * Ether), mint.Events<TransferEvent>(token.Address).Single());

        var transfer = await token.SendAsync(new TransferFunction(alice, 250 * Ether));
        Assert.Equal(new TransferEvent(owner.Account.Address, alice, 250 * Ether), transfer.Logs.Single().Decode<TransferEvent>());
        Assert.Equal(250 * Ether, await token.CallAsync(new BalanceOfFunction(alice)));
        Assert.Equal(750 * Ether, await token.CallAsync(new BalanceOfFunction(owner.Account.Address)));
        Assert.Equal("OPEN", await token.CallAsync(new SymbolFunction()));
    }

    [Fact]
    public async Task Transfer_beyond_the_balance_surfaces_as_typed_ERC20InsufficientBalance()
    {
        var owner = chain.Client(3);
        var token = await DeployTokenAsync(owner);
        await token.SendAsync(new MintFunction(owner.Account.Address, 5));

        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => token.SendAsync(new TransferFunction(chain.Wallet.GetAccount(4).Address, 6)));
        Assert.True(revert.TryGetError<ERC20InsufficientBalanceError>(out var error));
        Assert.Equal(new ERC20InsufficientBalanceError(owner.Account.Address, 5, 6), error);
    }

    [Fact]
    public async Task A_transaction_mined_as_failed_is_replayed_to_report_its_typed_error_and_receipt()
    {
        var owner = chain.Client(5);
        var stranger = chain.Client(6);
        var token = await DeployTokenAsync(owner);
        var asStranger = new ContractClient(stranger, token.Address);

        // An explicit gas limit skips eth_estimateGas, so the revert happens on chain.
        var revert = await Assert.ThrowsAsync<ContractRevertException>(() => asStranger.SendAsync(new MintFunction(stranger.Account.Address, 1), gasLimit: 100_000));
        Assert.True(revert.TryGetError<OwnableUnauthorizedAccountError>(out var error));
        Assert.Equal(stranger.Account.Address, error.Account);
        var failure = Assert.IsType<TransactionFailedException>(revert.InnerException);
        Assert.False(failure.Receipt.Succeeded);
        Assert.Contains(failure.Receipt.TransactionHash.ToString(), revert.Message);
    }

    [Fact]
    public async Task Reading_a_view_that_reverts_surfaces_the_typed_error()
    {
        var owner = chain.Client(7);
        var token = await DeployTokenAsync(owner);
        // ERC20Permit.permit with an expired deadline reverts with ERC2612ExpiredSignature(deadline).
        var call = new PermitFunction(owner.Account.Address, owner.Account.Address, 1, 1, 27, Hash32.Zero, Hash32.Zero);
        var revert = await Assert.ThrowsAsync<ContractRevertException>(() =>
            chain.Rpc.CallAsync(new CallRequest { To = token.Address, Data = call.Encode() }, null, OpenLedgerContracts.RevertDecoder));
        Assert.True(revert.TryGetError<ERC2612ExpiredSignatureError>(out var error));
        Assert.Equal((BigInteger)1, error.Deadline);
    }

    [Fact]
    public async Task Twenty_concurrent_transfers_from_one_account_get_distinct_nonces_and_are_all_mined()
    {
        var owner = chain.Client(8);
        var receiver = chain.Wallet.GetAccount(9).Address;
        var token = await DeployTokenAsync(owner);
        await token.SendAsync(new MintFunction(owner.Account.Address, 1000));
        var before = await chain.Rpc.GetTransactionCountAsync(owner.Account.Address);

        var sends = Enumerable.Range(1, 20).Select(i => owner.Transactions.SendAsync(
            new TransactionRequest { To = token.Address, Data = new TransferFunction(receiver, i).Encode() })).ToList();
        var signed = await Task.WhenAll(sends);
        var receipts = await Task.WhenAll(signed.Select(s => owner.Transactions.WaitForReceiptAsync(s.Hash)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => before + (ulong)i), signed.Select(s => s.Transaction.Nonce).Order());
        Assert.All(receipts, r => Assert.True(r.Succeeded));
        Assert.Equal((BigInteger)210, await token.CallAsync(new BalanceOfFunction(receiver)));
        Assert.Equal(before + 20, await chain.Rpc.GetTransactionCountAsync(owner.Account.Address));
    }

    [Fact]
    public async Task A_nonce_used_behind_the_trackers_back_is_resynced_from_the_node()
    {
        // Two managers for one account with separate trackers: each one's cached nonce goes stale in turn.
        var first = chain.Client(10);
        var second = chain.Client(10, new NonceTracker());
        var to = chain.Wallet.GetAccount(11).Address;
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await first.Transactions.SendAndWaitAsync(new TransactionRequest { To = to, Value = 1 })).Succeeded);
            Assert.True((await second.Transactions.SendAndWaitAsync(new TransactionRequest { To = to, Value = 1 })).Succeeded);
        }
        Assert.Equal(6UL, await chain.Rpc.GetTransactionCountAsync(first.Account.Address));
    }

    [Fact]
    public async Task A_failed_receipt_without_revert_data_is_replayed_at_the_previous_block_to_find_the_typed_error()
    {
        var owner = chain.Client(12);
        var stranger = chain.Client(13);
        var token = await DeployTokenAsync(owner);
        // With automine off the node accepts the transaction without running it, so only the receipt shows the failure.
        await chain.Rpc.SetAutomineAsync(false);
        try
        {
            var request = new TransactionRequest { To = token.Address, Data = new TransferOwnershipFunction(stranger.Account.Address).Encode(), GasLimit = 100_000 };
            var sending = stranger.Transactions.SendAndWaitAsync(request);
            while (!sending.IsCompleted)
            {
                await chain.Rpc.MineAsync();
                await Task.Delay(20);
            }
            var revert = await Assert.ThrowsAsync<ContractRevertException>(() => sending);
            Assert.True(revert.TryGetError<OwnableUnauthorizedAccountError>(out var error));
            Assert.Equal(stranger.Account.Address, error.Account);
            Assert.False(Assert.IsType<TransactionFailedException>(revert.InnerException).Receipt.Succeeded);
        }
        finally
        {
            await chain.Rpc.SetAutomineAsync(true);
        }
    }
}
