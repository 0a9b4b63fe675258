using System.Numerics;

namespace OpenLedger.Attribution.Reports;

/// <summary>A contribution id mentioned by the evidence; the path is built only when an error needs it.</summary>
public readonly record struct EvidenceReference(BigInteger ContributionId, Func<string> Path);
