namespace OpenLedger.Node.Relay;

/// <summary>Held while a request is relayed (see <see cref="RelayInFlight"/>); disposing it lets the next request for the same keys through.</summary>
public sealed class RelayClaim(RelayInFlight owner, string nonceKey, string contentKey) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(nonceKey, contentKey);
    }
}
