using System.Numerics;
using Microsoft.Extensions.Options;
using OpenLedger.Contracts.Client;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;
using OpenLedger.Ethereum.Transactions;

namespace OpenLedger.Node.Relay;

/// <summary>
/// Sends the relayer's transactions so that none is sent that could be known to revert: one at a time, each is
/// estimated under <see cref="RelayOptions.MaxGasPerRequest"/>, charged to the budgets and replayed with eth_call
/// against the pending state (which holds every earlier relayed transaction) right before it is broadcast.
/// </summary>
public sealed class RelaySubmitter
{
    // Pre-flight and broadcast happen under one gate: a pre-flight run while another relayed transaction is between
    // its own pre-flight and the node would miss it, and both could pass and one revert.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<Task<OpenLedgerServices>> _services;
    private readonly RelayBudget _budget;
    private readonly RelayOptions _options;

    public RelaySubmitter(RelaySender sender, RelayBudget budget, IOptions<RelayOptions> options)
        : this(sender.ServicesAsync, budget, options.Value) { }

    /// <summary>Sends with <paramref name="services"/>' signer as the relayer (a tool or test with a connected account).</summary>
    public RelaySubmitter(OpenLedgerServices services, RelayBudget budget, RelayOptions options)
        : this(() => Task.FromResult(services), budget, options) { }

    private RelaySubmitter(Func<Task<OpenLedgerServices>> services, RelayBudget budget, RelayOptions options)
    {
        _services = services;
        _budget = budget;
        _options = options;
    }

    /// <summary>Sends <paramref name="data"/> to <paramref name="to"/> for <paramref name="contributor"/> on <paramref name="model"/> and waits for the receipt.</summary>
    public async Task<RelaySendResult> SendAsync(Address to, byte[] data, Address contributor, BigInteger model, string what, CancellationToken ct)
    {
        var services = await _services();
        var client = services.Registry.Contract.Signer;
        var call = new CallRequest { From = client.Account.Address, To = to, Data = data, Gas = (ulong)_options.MaxGasPerRequest };
        SignedTransaction signed;
        long reserved;
        await _gate.WaitAsync(ct);
        try
        {
            BigInteger estimate;
            try
            {
                // Estimated without the cap: a node reports running out of gas below a cap as a revert without data,
                // which would hide "too much gas" behind "would revert".
                estimate = await client.Rpc.EstimateGasAsync(call with { Gas = null }, client.Errors, ct);
            }
            catch (ContractRevertException e)
            {
                return RelaySendResult.Refused(new RelayRefusal(422, "Would revert", $"{what} would revert, so the relay did not send it: {e.Message}"), e);
            }
            if (estimate > _options.MaxGasPerRequest)
                return RelaySendResult.Refused(new RelayRefusal(422, "Too much gas",
                    $"{what} needs {estimate} gas but the relay sends at most {_options.MaxGasPerRequest} per request (Relay:MaxGasPerRequest)"));
            var gasLimit = (long)BigInteger.Min(_options.MaxGasPerRequest, estimate * (100 + client.Transactions.Options.GasMarginPercent) / 100);
            if (_budget.TryReserve(contributor, model, gasLimit) is { } overBudget) return RelaySendResult.Refused(overBudget);
            reserved = gasLimit;
            var broadcasting = false;
            try
            {
                await client.Rpc.CallAsync(call with { Gas = (ulong)gasLimit }, BlockTag.Pending, client.Errors, ct);
                broadcasting = true;
                signed = await client.Transactions.SendAsync(new TransactionRequest { To = to, Data = data, GasLimit = (ulong)gasLimit }, ct);
            }
            catch (ContractRevertException e) when (!broadcasting)
            {
                _budget.Settle(contributor, model, reserved, 0);
                return RelaySendResult.Refused(new RelayRefusal(422, "Would revert", $"{what} would revert, so the relay did not send it: {e.Message}"), e);
            }
            catch (ContractRevertException e)
            {
                // An automining node answers the broadcast with the revert of the mined transaction: it was paid for.
                // The pre-flight ran on the same state under the gate, so only a transaction from outside the relay gets here.
                return RelaySendResult.Refused(new RelayRefusal(502, "Transaction reverted",
                    $"{what} reverted on chain although its pre-flight passed (the state moved in between): {e.Message}"), e);
            }
            catch
            {
                _budget.Settle(contributor, model, reserved, 0);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
        var receipt = await client.Transactions.WaitForReceiptAsync(signed.Hash, ct);
        _budget.Settle(contributor, model, reserved, (long)receipt.GasUsed);
        return receipt.Succeeded
            ? RelaySendResult.Sent(receipt)
            : RelaySendResult.Refused(new RelayRefusal(502, "Transaction reverted",
                $"{what} was sent as {receipt.TransactionHash} and reverted on chain although its pre-flight passed (the state moved in between)"));
    }
}
