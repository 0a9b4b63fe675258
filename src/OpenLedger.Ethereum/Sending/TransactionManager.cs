using System.Numerics;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Accounts;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Transactions;

namespace OpenLedger.Ethereum.Sending;

/// <summary>
/// Sends EIP-1559 transactions for one local account: fills nonce, gas and fees, signs, broadcasts, waits for the
/// receipt, and reports a revert as a <see cref="ContractRevertException"/> decoded with the given custom errors,
/// whether it shows in eth_estimateGas or only in a failed receipt.
/// </summary>
public sealed class TransactionManager
{
    private readonly JsonRpcClient _rpc;
    private readonly NonceTracker _nonces;

    public TransactionManager(JsonRpcClient rpc, Account account, ulong chainId, RevertDecoder? errors = null,
        TransactionManagerOptions? options = null, NonceTracker? nonces = null)
    {
        _rpc = rpc;
        Account = account;
        ChainId = chainId;
        Errors = errors ?? RevertDecoder.Default;
        Options = options ?? new TransactionManagerOptions();
        _nonces = nonces ?? new NonceTracker();
        if (Options.GasMarginPercent < 0)
            throw new EthereumException($"GasMarginPercent must be 0 or more but is {Options.GasMarginPercent}");
    }

    public Account Account { get; }

    public ulong ChainId { get; }

    public RevertDecoder Errors { get; }

    public TransactionManagerOptions Options { get; }

    /// <summary>Signs and broadcasts; returns once the node accepted the transaction.</summary>
    public async Task<SignedTransaction> SendAsync(TransactionRequest request, CancellationToken ct = default)
    {
        // Gas and fees do not depend on the nonce: work them out before taking the account's gate.
        var gas = request.GasLimit ?? await EstimateGasAsync(request, ct).ConfigureAwait(false);
        var fees = request is { MaxFeePerGas: { } maxFee, MaxPriorityFeePerGas: { } tip }
            ? new Eip1559Fees(maxFee, tip)
            : await SuggestFeesAsync(ct).ConfigureAwait(false);
        var maxFeePerGas = request.MaxFeePerGas ?? fees.MaxFeePerGas;
        // A suggested tip above a caller's fee cap would be refused by the node: the cap wins.
        fees = new Eip1559Fees(maxFeePerGas, BigInteger.Min(request.MaxPriorityFeePerGas ?? fees.MaxPriorityFeePerGas, maxFeePerGas));

        if (request.Nonce is { } explicitNonce) return await SignAndBroadcastAsync(request, explicitNonce, gas, fees, ct).ConfigureAwait(false);
        try
        {
            return await SendWithTrackedNonceAsync(request, gas, fees, ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (IsNonceRejection(e))
        {
            // Someone else (another process, a wallet) used the account: the tracker has already dropped its nonce,
            // so one retry reads the node's pending count.
            return await SendWithTrackedNonceAsync(request, gas, fees, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Sends and waits for the receipt; a failed transaction throws its decoded revert.</summary>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionRequest request, CancellationToken ct = default)
    {
        var signed = await SendAsync(request, ct).ConfigureAwait(false);
        var receipt = await WaitForReceiptAsync(signed.Hash, ct).ConfigureAwait(false);
        if (!receipt.Succeeded) throw await ExplainFailureAsync(request, signed.Transaction.GasLimit, receipt, ct).ConfigureAwait(false);
        return receipt;
    }

    /// <summary>Polls for the receipt until it exists or <see cref="TransactionManagerOptions.ReceiptTimeout"/> passes.</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(Hash32 transactionHash, CancellationToken ct = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Options.ReceiptTimeout);
        try
        {
            while (true)
            {
                var receipt = await _rpc.GetTransactionReceiptAsync(transactionHash, timeout.Token).ConfigureAwait(false);
                if (receipt is not null) return receipt;
                await Task.Delay(Options.ReceiptPollInterval, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new EthereumException($"Transaction {transactionHash} has no receipt after {Options.ReceiptTimeout}: not mined yet (it may still be)");
        }
    }

    /// <summary>eth_estimateGas plus the margin; a revert throws its decoded error.</summary>
    public async Task<ulong> EstimateGasAsync(TransactionRequest request, CancellationToken ct = default)
    {
        var estimate = await _rpc.EstimateGasAsync(ToCall(request), Errors, ct).ConfigureAwait(false);
        var withMargin = estimate * (100 + Options.GasMarginPercent) / 100;
        return withMargin > ulong.MaxValue
            ? throw new EthereumException($"Gas estimate {estimate} does not fit a 64-bit gas limit")
            : (ulong)withMargin;
    }

    /// <summary>The next block's base fee (eth_feeHistory) and the node's suggested tip: maxFee = 2 × baseFee + tip.</summary>
    public async Task<Eip1559Fees> SuggestFeesAsync(CancellationToken ct = default)
    {
        var history = await _rpc.GetFeeHistoryAsync(1, BlockTag.Latest, null, ct).ConfigureAwait(false);
        if (history.BaseFeePerGas.Count == 0)
            throw new EthereumException("eth_feeHistory returned no base fee: the node does not support EIP-1559");
        BigInteger tip;
        try
        {
            tip = await _rpc.GetMaxPriorityFeePerGasAsync(ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.Code is not null)
        {
            tip = Options.FallbackPriorityFeePerGas; // the node answered but lacks the method (not a transport failure)
        }
        return Eip1559Fees.FromBaseFee(history.BaseFeePerGas[^1], tip);
    }

    private Task<SignedTransaction> SendWithTrackedNonceAsync(TransactionRequest request, ulong gas, Eip1559Fees fees, CancellationToken ct) =>
        _nonces.UseNextAsync(Account.Address,
            c => _rpc.GetTransactionCountAsync(Account.Address, BlockTag.Pending, c),
            nonce => SignAndBroadcastAsync(request, nonce, gas, fees, ct), ct);

    private static bool IsNonceRejection(RpcException e) =>
        e.Code is not null && !e.IsRevert && e.Detail.Contains("nonce", StringComparison.OrdinalIgnoreCase);

    private async Task<SignedTransaction> SignAndBroadcastAsync(TransactionRequest request, ulong nonce, ulong gas, Eip1559Fees fees, CancellationToken ct)
    {
        var signed = Account.SignTransaction(new Eip1559Transaction
        {
            ChainId = ChainId,
            Nonce = nonce,
            GasLimit = gas,
            MaxFeePerGas = fees.MaxFeePerGas,
            MaxPriorityFeePerGas = fees.MaxPriorityFeePerGas,
            To = request.To,
            Value = request.Value,
            Data = request.Data,
        });
        Hash32 hash;
        try
        {
            hash = await _rpc.SendRawTransactionAsync(signed.RawBytes, ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.IsRevert)
        {
            // An automining node (Hardhat) mines the transaction at once and answers with its revert.
            throw await RevertOnBroadcastAsync(request, signed, e, ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.Code is not null)
        {
            // The client retries transient failures: when an earlier attempt reached the node, this one is refused
            // ("already known", "nonce too low") although the transaction is in. Sending it again would pay twice.
            if (await IsKnownAsync(signed.Hash, ct).ConfigureAwait(false)) return signed;
            throw;
        }
        if (hash != signed.Hash)
            throw new EthereumException($"The node reports transaction hash {hash} but the signed transaction hashes to {signed.Hash}");
        return signed;
    }

    private async Task<bool> IsKnownAsync(Hash32 hash, CancellationToken ct)
    {
        var transaction = await _rpc.SendAsync("eth_getTransactionByHash", [hash.ToString()], ct).ConfigureAwait(false);
        return transaction.ValueKind == System.Text.Json.JsonValueKind.Object;
    }

    private async Task<Exception> RevertOnBroadcastAsync(TransactionRequest request, SignedTransaction signed, RpcException error, CancellationToken ct)
    {
        var receipt = await _rpc.GetTransactionReceiptAsync(signed.Hash, ct).ConfigureAwait(false);
        if (receipt is { Succeeded: false } && error.RevertData is null)
            return await ExplainFailureAsync(request, signed.Transaction.GasLimit, receipt, ct).ConfigureAwait(false);
        var revert = error.ToRevert(Errors)!;
        Exception cause = receipt is { Succeeded: false } ? new TransactionFailedException(receipt) : error;
        return new ContractRevertException($"Transaction {signed.Hash} reverted: {revert.Message}", revert.RawData, revert.Error, revert.Arguments, cause);
    }

    // A failed receipt carries no revert data: run the same call on the state the transaction started from.
    private async Task<Exception> ExplainFailureAsync(TransactionRequest request, ulong gasLimit, TransactionReceipt receipt, CancellationToken ct)
    {
        var failure = new TransactionFailedException(receipt);
        var before = receipt.BlockNumber == 0 ? BlockTag.Earliest : BlockTag.Number(receipt.BlockNumber - 1);
        try
        {
            await _rpc.CallAsync(ToCall(request) with { Gas = gasLimit }, before, Errors, ct).ConfigureAwait(false);
        }
        catch (ContractRevertException revert)
        {
            return new ContractRevertException($"Transaction {receipt.TransactionHash} reverted: {revert.Message}",
                revert.RawData, revert.Error, revert.Arguments, failure);
        }
        catch (EthereumException e) when (e is not ContractRevertException)
        {
            return new ContractRevertException($"Transaction {receipt.TransactionHash} reverted; replaying it to find the error failed: {e.Message}",
                [], null, [], failure);
        }
        // The replay succeeded: the failure came from state or gas the replay does not reproduce.
        return new ContractRevertException($"Transaction {receipt.TransactionHash} reverted; replaying it at block {before} did not reproduce the revert",
            [], null, [], failure);
    }

    private CallRequest ToCall(TransactionRequest request) => new()
    {
        From = Account.Address,
        To = request.To,
        Data = request.Data,
        Value = request.Value,
        Gas = request.GasLimit,
    };
}
