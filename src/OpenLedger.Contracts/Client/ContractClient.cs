using System.Numerics;
using OpenLedger.Contracts.Binding;
using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;
using OpenLedger.Ethereum.Sending;

namespace OpenLedger.Contracts.Client;

/// <summary>One deployed contract seen through an <see cref="EthereumClient"/>: typed reads (eth_call) and sends.</summary>
public sealed class ContractClient
{
    public ContractClient(EthereumClient client, Address address)
    {
        Client = client;
        Address = address;
    }

    public EthereumClient Client { get; }

    public Address Address { get; }

    /// <summary>Reads <paramref name="function"/> with eth_call; a revert throws its decoded custom error.</summary>
    public async Task<TOutput> CallAsync<TOutput>(IContractFunction<TOutput> function, BlockTag? block = null, CancellationToken ct = default)
    {
        var data = await Client.Rpc.CallAsync(new CallRequest { From = Client.Account.Address, To = Address, Data = function.Encode() },
            block, Client.Errors, ct).ConfigureAwait(false);
        return function.DecodeOutput(data);
    }

    /// <summary>Sends <paramref name="function"/> as a transaction and waits for its receipt; a revert throws its decoded custom error.</summary>
    public Task<TransactionReceipt> SendAsync(IContractFunction function, BigInteger value = default, ulong? gasLimit = null, CancellationToken ct = default) =>
        Client.Transactions.SendAndWaitAsync(new TransactionRequest { To = Address, Data = function.Encode(), Value = value, GasLimit = gasLimit }, ct);

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
