using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Ethereum.Rpc;

namespace OpenLedger.Contracts.Binding;

/// <summary>
/// Decodes any log of one contract into its typed record by topic0, for a consumer that reads every event of a
/// contract (the indexer): <c>switch (decoder.Decode(log)) { case ContributionRegisteredEvent e: ... }</c>.
/// </summary>
public sealed class ContractEventDecoder
{
    private readonly Dictionary<Hash32, (string Name, Func<IReadOnlyList<Hash32>, byte[], IContractEvent> Decode)> _decoders = new();

    /// <summary>Registers <typeparamref name="T"/>; two events with one topic0 cannot be told apart and are refused.</summary>
    public ContractEventDecoder Add<T>() where T : IContractEvent<T>
    {
        var topic0 = T.Descriptor.Topic0;
        if (_decoders.TryGetValue(topic0, out var existing))
            throw new EthereumException($"{typeof(T).Name} and {existing.Name} share topic0 {topic0}");
        _decoders[topic0] = (typeof(T).Name, (topics, data) => ContractEvent.Decode<T>(topics, data));
        return this;
    }

    public IReadOnlyCollection<Hash32> Topics => _decoders.Keys;

    /// <summary>An eth_getLogs filter for every registered event <paramref name="contract"/> emitted in the block range.</summary>
    public LogFilter Filter(Address contract, BlockTag fromBlock, BlockTag toBlock) => new()
    {
        Addresses = [contract],
        FromBlock = fromBlock,
        ToBlock = toBlock,
        Topics = [[.. _decoders.Keys]],
    };

    /// <summary>
    /// The typed record of <paramref name="log"/>, or null when its topic0 is none of the registered events
    /// (an anonymous event, or an event the binding does not know). A known topic0 whose log does not decode throws.
    /// </summary>
    public IContractEvent? Decode(RpcLog log) => Decode(log.Topics, log.Data);

    public IContractEvent? Decode(IReadOnlyList<Hash32> topics, byte[] data) =>
        topics.Count > 0 && _decoders.TryGetValue(topics[0], out var entry) ? entry.Decode(topics, data) : null;
}
