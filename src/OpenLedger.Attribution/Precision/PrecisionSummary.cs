namespace OpenLedger.Attribution.Precision;

/// <summary>
/// The precision a distribution carries: the linear datamodeling score of its values against <see cref="ModelClass"/>
/// retrained on <see cref="Subsets"/> subsets, with its <see cref="Confidence"/> interval. Absent when the report did
/// not measure it.
/// </summary>
public sealed record PrecisionSummary(string ModelClass, double Lds, double Lower, double Upper, int Subsets, double Confidence);
