using OpenLedger.Attribution.Precision;

namespace PrecisionBench;

/// <summary>One row of the table: a method's LDS against one model class on one dataset, and what it cost.</summary>
public sealed record MethodResult(string Dataset, string ModelClass, string Method, LdsResult Lds, double Seconds, int Trainings);
