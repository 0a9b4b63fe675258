namespace OpenLedger.Attribution.Methods;

/// <summary>Welford's running mean and variance: numerically stable and independent of thread scheduling.</summary>
internal struct RunningMoments
{
    public long Count;
    public double Mean;
    private double _m2;

    public void Add(double x)
    {
        Count++;
        var delta = x - Mean;
        Mean += delta / Count;
        _m2 += delta * (x - Mean);
    }

    /// <summary>Sample variance (n − 1 denominator); NaN below two samples.</summary>
    public readonly double Variance => Count < 2 ? double.NaN : _m2 / (Count - 1);

    public readonly double StandardError => Count < 2 ? double.NaN : Math.Sqrt(Variance / Count);
}
