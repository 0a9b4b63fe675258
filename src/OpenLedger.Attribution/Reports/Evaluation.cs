using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution.Reports;

/// <summary>How the model scored this epoch, on which test set.</summary>
public sealed record Evaluation(string Metric, double Score, double Baseline, Hash32 TestSetHash);
