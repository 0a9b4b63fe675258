namespace OpenLedger.Attribution.Reports;

/// <summary>The attribution method's name and its parsed parameters and evidence.</summary>
public sealed record AttributionSpec(string Method, AttributionEvidence Evidence);
