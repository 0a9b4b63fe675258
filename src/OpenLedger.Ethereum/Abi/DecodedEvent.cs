namespace OpenLedger.Ethereum.Abi;

/// <summary>
/// A decoded log: values in the event's parameter order. Indexed string, bytes, arrays and tuples are only
/// present as their keccak hash in the topics, so their value here is a <see cref="Primitives.Hash32"/>.
/// </summary>
public sealed record DecodedEvent(AbiEvent Event, IReadOnlyList<object?> Values)
{
    public string Name => Event.Name;

    /// <summary>The value of the parameter named <paramref name="name"/>.</summary>
    public object? this[string name]
    {
        get
        {
            var parameters = Event.Parameters;
            for (var i = 0; i < parameters.Count; i++)
                if (parameters[i].Name == name) return Values[i];
            throw new EthereumException($"Event {Event.Signature} has no parameter named '{name}'");
        }
    }

    /// <summary>The value of parameter <paramref name="name"/> as <typeparamref name="T"/>, with a clear error when it is not.</summary>
    public T Get<T>(string name) => this[name] is T value
        ? value
        : throw new EthereumException($"Parameter '{name}' of {Event.Name} is {this[name]?.GetType().Name ?? "null"}, not {typeof(T).Name}");
}
