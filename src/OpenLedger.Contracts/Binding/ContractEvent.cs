using OpenLedger.Ethereum;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Binding;

/// <summary>Decodes logs into typed event records.</summary>
public static class ContractEvent
{
    /// <summary>True when the log's topic0 is <typeparamref name="T"/>'s: the log is (claims to be) that event.</summary>
    public static bool Matches<T>(IReadOnlyList<Hash32> topics) where T : IContractEvent<T> =>
        topics.Count > 0 && topics[0] == T.Descriptor.Topic0;

    /// <summary>
    /// Decodes a log of <typeparamref name="T"/>. A log of another event is rejected by its topic0 before anything
    /// else is read, so the message names both events' topics rather than a confusing topic count.
    /// </summary>
    public static T Decode<T>(IReadOnlyList<Hash32> topics, ReadOnlySpan<byte> data) where T : IContractEvent<T>
    {
        var descriptor = T.Descriptor;
        if (topics.Count == 0)
            throw new EthereumException($"A log of {descriptor.Signature} must have topic0 {descriptor.Topic0} but has no topics");
        if (topics[0] != descriptor.Topic0)
            throw new EthereumException(
                $"The log is not a {descriptor.Name} event: {typeof(T).Name} expects topic0 {descriptor.Topic0} ({descriptor.Signature}) but the log has {topics[0]}");
        return T.FromValues(descriptor.DecodeLog(topics, data).Values);
    }

    /// <summary>
    /// Decodes the log when its topic0 is <typeparamref name="T"/>'s, returns false when it is another event.
    /// A log with the right topic0 that does not decode still throws: that is a malformed log, not another event.
    /// </summary>
    public static bool TryDecode<T>(IReadOnlyList<Hash32> topics, ReadOnlySpan<byte> data, out T? value) where T : class, IContractEvent<T>
    {
        value = Matches<T>(topics) ? Decode<T>(topics, data) : null;
        return value is not null;
    }
}
