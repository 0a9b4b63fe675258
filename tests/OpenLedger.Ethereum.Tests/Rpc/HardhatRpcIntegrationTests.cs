using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.TestSupport;

namespace OpenLedger.Ethereum.Tests.Rpc;

// Against a real Hardhat node: what the indexer and the node need from the client, end to end.
public sealed class HardhatRpcIntegrationTests(HardhatChainFixture chain) : IClassFixture<HardhatChainFixture>
{
    private static readonly AbiEvent Registered = AbiEvent.Parse(
        "event ContributionRegistered(uint256 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, string uri, uint256 bond)");
    private static readonly AbiFunction Register = AbiFunction.Parse("register(uint256 id, uint256 modelId, bytes32 contentHash, uint8 kind, string uri)");
    private static readonly AbiError Rejected = AbiError.Parse("error EmitterRejected(uint256 code, string why)");

    private JsonRpcClient Client => chain.Client;

    [Fact]
    public async Task Chain_id_and_block_number_come_from_the_node()
    {
        Assert.Equal(HardhatNode.ChainId, await Client.GetChainIdAsync());
        var before = await Client.GetBlockNumberAsync();
        await chain.DeployEmitterAsync();
        Assert.Equal(before + 1, await Client.GetBlockNumberAsync());
    }

    [Fact]
    public async Task Emitted_event_is_found_by_get_logs_and_decodes()
    {
        var (contract, sender) = await chain.DeployEmitterAsync();
        var contentHash = Keccak.Hash("artifact").ToArray();
        const string uri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/data.parquet";
        var tx = await Client.SendTransactionAsync(new CallRequest
        {
            From = sender, To = contract, Value = BigInteger.Pow(10, 18),
            Data = Register.EncodeCall(42, 7, contentHash, 3, uri),
        });
        var receipt = await Client.GetTransactionReceiptAsync(tx);
        Assert.NotNull(receipt);
        Assert.True(receipt.Succeeded);
        Assert.Single(receipt.Logs);

        var logs = await Client.GetLogsAsync(new LogFilter
        {
            FromBlock = receipt.BlockNumber, ToBlock = receipt.BlockNumber, Addresses = [contract],
            Topics = [[Registered.Topic0], [AbiEvent.EncodeTopic(AbiType.UInt256, 41), AbiEvent.EncodeTopic(AbiType.UInt256, 42)]],
        });
        var log = Assert.Single(logs);
        Assert.Equal(receipt.Logs[0], log with { Topics = receipt.Logs[0].Topics, Data = receipt.Logs[0].Data });
        Assert.Equal(tx, log.TransactionHash);
        Assert.False(log.Removed);

        var decoded = Registered.Decode(log);
        Assert.Equal(new BigInteger(42), decoded["id"]);
        Assert.Equal(new BigInteger(7), decoded["modelId"]);
        Assert.Equal(sender, decoded["contributor"]);
        Assert.Equal(contentHash, decoded["contentHash"]);
        Assert.Equal(new BigInteger(3), decoded["kind"]);
        Assert.Equal(uri, decoded["uri"]);
        Assert.Equal(BigInteger.Pow(10, 18), decoded["bond"]);

        var none = await Client.GetLogsAsync(new LogFilter { FromBlock = receipt.BlockNumber, ToBlock = receipt.BlockNumber, Topics = [null, [AbiEvent.EncodeTopic(AbiType.UInt256, 43)]] });
        Assert.Empty(none);
    }

    [Fact]
    public async Task Blocks_by_number_and_hash_agree_and_chain_by_parent_hash()
    {
        var (contract, sender) = await chain.DeployEmitterAsync();
        var tx = await Client.SendTransactionAsync(new CallRequest { From = sender, To = contract, Data = Register.EncodeCall(1, 1, new byte[32], 0, "") });
        var receipt = (await Client.GetTransactionReceiptAsync(tx))!;
        var block = (await Client.GetBlockByNumberAsync(receipt.BlockNumber))!;
        Assert.Equal(receipt.BlockHash, block.Hash);
        Assert.Contains(tx, block.TransactionHashes);
        Assert.NotNull(block.BaseFeePerGas);
        Assert.Equal(block, (await Client.GetBlockByHashAsync(block.Hash, fullTransactions: true))! with { TransactionHashes = block.TransactionHashes });
        Assert.Equal([tx], (await Client.GetBlockByHashAsync(block.Hash, fullTransactions: true))!.TransactionHashes);
        var parent = (await Client.GetBlockByNumberAsync(receipt.BlockNumber - 1))!;
        Assert.Equal(parent.Hash, block.ParentHash);
        Assert.True(block.Timestamp >= parent.Timestamp);
        var batch = await Client.GetBlocksByNumberAsync([receipt.BlockNumber - 1, receipt.BlockNumber, 1_000_000]);
        Assert.Equal(parent.Hash, batch[0]!.Hash);
        Assert.Equal(block.Hash, batch[1]!.Hash);
        Assert.Null(batch[2]);
    }

    [Fact]
    public async Task Call_decodes_return_values_and_every_kind_of_revert()
    {
        var (contract, _) = await chain.DeployEmitterAsync();
        var echo = AbiFunction.Parse("echo(uint256 a, string s) returns (uint256, string)");
        var output = echo.DecodeOutput(await Client.CallAsync(new CallRequest { To = contract, Data = echo.EncodeCall(5, "héllo") }, BlockTag.Latest));
        Assert.Equal([new BigInteger(5), "héllo"], output);

        var errors = new RevertDecoder([Rejected]);
        var reason = await Assert.ThrowsAsync<ContractRevertException>(() =>
            Client.CallAsync(new CallRequest { To = contract, Data = AbiFunction.Parse("failRequire(bool)").EncodeCall(true) }, errors: errors));
        Assert.Equal("emitter says no", reason.Reason);

        var custom = await Assert.ThrowsAsync<ContractRevertException>(() =>
            Client.CallAsync(new CallRequest { To = contract, Data = AbiFunction.Parse("failCustom(uint256)").EncodeCall(99) }, errors: errors));
        Assert.Equal("EmitterRejected", custom.ErrorName);
        Assert.Equal([new BigInteger(99), "custom"], custom.Arguments);

        var panic = await Assert.ThrowsAsync<ContractRevertException>(() =>
            Client.CallAsync(new CallRequest { To = contract, Data = AbiFunction.Parse("failPanic(uint8)").EncodeCall(1) }, errors: errors));
        Assert.Equal(new BigInteger(PanicCode.ArithmeticOverflow), panic.PanicCode);
        Assert.Contains("arithmetic overflow or underflow", panic.Message);

        var estimate = await Assert.ThrowsAsync<ContractRevertException>(() =>
            Client.EstimateGasAsync(new CallRequest { To = contract, Data = AbiFunction.Parse("failCustom(uint256)").EncodeCall(3) }, errors));
        Assert.Equal("EmitterRejected", estimate.ErrorName);
    }

    [Fact]
    public async Task Gas_fees_and_nonces_are_read()
    {
        var (contract, sender) = await chain.DeployEmitterAsync();
        var gas = await Client.EstimateGasAsync(new CallRequest { From = sender, To = contract, Data = Register.EncodeCall(1, 1, new byte[32], 0, "x") });
        Assert.InRange(gas, new BigInteger(21_000), new BigInteger(200_000));
        Assert.True(await Client.GetGasPriceAsync() > 0);
        Assert.True(await Client.GetMaxPriorityFeePerGasAsync() >= 0);
        var history = await Client.GetFeeHistoryAsync(2, BlockTag.Latest, [25, 75]);
        Assert.Equal(3, history.BaseFeePerGas.Count);
        Assert.Equal(2, history.GasUsedRatio.Count);
        Assert.All(history.Reward, row => Assert.Equal(2, row.Count));
        var nonce = await Client.GetTransactionCountAsync(sender);
        Assert.True(nonce >= 1);
        Assert.Equal(nonce, await Client.GetTransactionCountAsync(sender, BlockTag.Pending));
        Assert.True(await Client.GetBalanceAsync(sender) > 0);
    }

    [Fact]
    public async Task Hardhat_helpers_snapshot_mine_and_control_automine()
    {
        var snapshot = await Client.SnapshotAsync();
        var start = await Client.GetBlockNumberAsync();
        var before = (await Client.GetBlockByNumberAsync(BlockTag.Latest))!;
        await Client.IncreaseTimeAsync(3600);
        await Client.MineAsync();
        var after = (await Client.GetBlockByNumberAsync(BlockTag.Latest))!;
        Assert.True(after.Timestamp >= before.Timestamp + 3600);

        await Client.SetAutomineAsync(false);
        try
        {
            var sender = (await Client.GetAccountsAsync())[1];
            var tx = await Client.SendTransactionAsync(new CallRequest { From = sender, To = sender, Value = 1 });
            Assert.Null(await Client.GetTransactionReceiptAsync(tx));
            await Client.MineAsync();
            Assert.True((await Client.GetTransactionReceiptAsync(tx))!.Succeeded);
        }
        finally { await Client.SetAutomineAsync(true); }

        Assert.True(await Client.RevertAsync(snapshot));
        Assert.Equal(start, await Client.GetBlockNumberAsync());
        Assert.False(await Client.RevertAsync(snapshot));
    }

    [Fact]
    public async Task Garbage_raw_transaction_is_a_permanent_node_error()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => Client.SendRawTransactionAsync(new byte[] { 1, 2, 3 }));
        Assert.StartsWith("eth_sendRawTransaction: ", e.Message);
        Assert.NotNull(e.Code);
        Assert.False(e.IsTransient);
    }
}
