using System.Numerics;
using OpenLedger.Contracts.Binding;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Contracts.Client;

/// <summary>One deployed contract seen through an <see cref="EthereumClient"/>: typed reads (eth_call) and sends.</summary>
public sealed class ContractClient
{
    private readonly EthereumClient? _signer;

    /// <summary>Reads and sends, signing with <paramref name="client"/>'s account.</summary>
    public ContractClient(EthereumClient client, Address address)
        : this(client.Rpc, address, client.Errors) => _signer = client;

    /// <summary>Read-only: eth_call without an account (the node, the indexer, query commands). Reverts decode with <paramref name="errors"/>.</summary>
    public ContractClient(JsonRpcClient rpc, Address address, RevertDecoder? errors = null)
    {
        Rpc = rpc;
        Address = address;
        Errors = errors ?? OpenLedgerContracts.RevertDecoder;
    }

    public JsonRpcClient Rpc { get; }

    public Address Address { get; }

    public RevertDecoder Errors { get; }

    /// <summary>The signing client, or an error naming the fix when this client was built read-only.</summary>
    public EthereumClient Signer => _signer
        ?? throw new EthereumException($"The client of {Address} is read-only: build it from an EthereumClient to send transactions");

    /// <summary>Reads <paramref name="function"/> with eth_call; a revert throws its decoded custom error.</summary>
    public async Task<TOutput> CallAsync<TOutput>(IContractFunction<TOutput> function, BlockTag? block = null, CancellationToken ct = default)
    {
        var data = await Rpc.CallAsync(new CallRequest { From = _signer?.Account.Address, To = Address, Data = function.Encode() },
            block, Errors, ct).ConfigureAwait(false);
        return function.DecodeOutput(data);
    }

    /// <summary>Sends <paramref name="function"/> as a transaction and waits for its receipt; a revert throws its decoded custom error.</summary>
    public Task<TransactionReceipt> SendAsync(IContractFunction function, BigInteger value = default, ulong? gasLimit = null, CancellationToken ct = default) =>
        Signer.Transactions.SendAndWaitAsync(new TransactionRequest { To = Address, Data = function.Encode(), Value = value, GasLimit = gasLimit }, ct);

    /// <summary>Deploys <paramref name="bytecode"/> with the constructor arguments of <paramref name="deployment"/>.</summary>
    public static async Task<(ContractClient Contract, TransactionReceipt Receipt)> DeployAsync(EthereumClient client, ReadOnlyMemory<byte> bytecode,
        IContractDeployment? deployment = null, CancellationToken ct = default)
    {
        if (bytecode.IsEmpty) throw new EthereumException("Creation bytecode is empty: an abstract contract or interface cannot be deployed");
        var data = deployment?.Encode(bytecode.Span) ?? bytecode.ToArray();
        var receipt = await client.Transactions.SendAndWaitAsync(new TransactionRequest { Data = data }, ct).ConfigureAwait(false);
        var address = receipt.ContractAddress
            ?? throw new EthereumException($"Deployment {receipt.TransactionHash} was mined but its receipt has no contractAddress");
        return (new ContractClient(client, address), receipt);
    }
}
