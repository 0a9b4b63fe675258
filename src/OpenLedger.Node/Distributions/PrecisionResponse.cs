namespace OpenLedger.Node.Distributions;

/// <summary>
/// How well an epoch's attribution predicts its model: the linear datamodeling score (Spearman's rho between the
/// utilities the values predict for half-size subsets of the contributions and those of <see cref="ModelClass"/>
/// retrained on them) with its <see cref="Confidence"/> interval over <see cref="Subsets"/> subsets.
/// </summary>
public sealed record PrecisionResponse(string ModelClass, double Lds, double Lower, double Upper, int Subsets, double Confidence);
