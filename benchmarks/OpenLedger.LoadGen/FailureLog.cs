namespace OpenLedger.LoadGen;

/// <summary>Counts failed requests across workers and keeps the first reason, so a broken run says why.</summary>
public sealed class FailureLog
{
    private readonly Lock _gate = new();
    private int _count;

    public int Count { get { lock (_gate) return _count; } }

    public string? First { get; private set; }

    public void Add(string reason)
    {
        lock (_gate)
        {
            _count++;
            First ??= reason;
        }
    }
}
