namespace OpenLedger.Node.Relay;

/// <summary>
/// Registrations the relay is working on, by (contributor, nonce) and by (model, content). Of two requests for the same
/// signature or the same content, only the first is relayed; the other would pass every check against the chain (the
/// first is not mined yet) and then revert at the relayer's cost. The second is refused with 409 instead.
/// </summary>
public sealed class RelayInFlight
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Claims both keys of <paramref name="message"/>; null when another request holds one (the refusal says which).</summary>
    public RelayClaim? TryClaim(RegisterMessage message, out RelayRefusal refusal)
    {
        var nonceKey = $"n:{message.Contributor.ToString().ToLowerInvariant()}:{message.Nonce}";
        var contentKey = $"h:{message.ModelId}:{message.ContentHash}";
        lock (_gate)
        {
            if (_keys.Contains(nonceKey))
            {
                refusal = new RelayRefusal(409, "Already being relayed",
                    $"a registration by {message.Contributor} with nonce {message.Nonce} is being relayed now; its result will show on chain");
                return null;
            }
            if (_keys.Contains(contentKey))
            {
                refusal = new RelayRefusal(409, "Already being relayed",
                    $"a registration of content {message.ContentHash} on model {message.ModelId} is being relayed now");
                return null;
            }
            _keys.Add(nonceKey);
            _keys.Add(contentKey);
        }
        refusal = default;
        return new RelayClaim(this, nonceKey, contentKey);
    }

    internal void Release(string nonceKey, string contentKey)
    {
        lock (_gate)
        {
            _keys.Remove(nonceKey);
            _keys.Remove(contentKey);
        }
    }
}
