namespace OpenLedger.Indexer.Sync;

/// <summary>
/// The eth_getLogs block range: halved when the node says a range holds too much, doubled again (up to the
/// maximum) after two responses in a row that came back small.
/// </summary>
public sealed class RangeSizer
{
    private readonly int _max;
    private readonly int _smallBelow;
    private int _smallInARow;
    // The sync loop reads the next range while the current one is still in flight: both report here.
    private readonly Lock _lock = new();

    public RangeSizer(int initial, int max, int smallBelow = 2_000)
    {
        if (initial < 1 || max < initial) throw new IndexerException($"A block range must satisfy 1 <= initial <= max but is initial {initial}, max {max}");
        Current = initial;
        _max = max;
        _smallBelow = smallBelow;
    }

    private int _current;

    public int Current
    {
        get { lock (_lock) return _current; }
        private set { lock (_lock) _current = value; }
    }

    /// <summary>The node refused a range of <paramref name="attempted"/> blocks.</summary>
    public void TooLarge(long attempted)
    {
        lock (_lock)
        {
            _current = (int)Math.Max(1, Math.Min(_current, attempted) / 2);
            _smallInARow = 0;
        }
    }

    /// <summary>A range came back with <paramref name="logCount"/> logs.</summary>
    public void Succeeded(int logCount)
    {
        lock (_lock)
        {
            if (logCount >= _smallBelow) { _smallInARow = 0; return; }
            if (++_smallInARow < 2) return;
            _current = (int)Math.Min(_max, (long)_current * 2);
            _smallInARow = 0;
        }
    }
}
