namespace OpenLedger.Attribution.Precision;

/// <summary>
/// A linear datamodeling score: Spearman's rho between predicted and measured subset utilities, and its confidence
/// interval (Fisher z with the Bonett–Wright standard error), over <paramref name="Subsets"/> subsets.
/// </summary>
public sealed record LdsResult(double Spearman, double Lower, double Upper, int Subsets);
