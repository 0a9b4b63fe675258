namespace OpenLedger.Attribution.Reports;

/// <summary>Method-specific inputs of an attribution (coalition utilities, permutations, embeddings, scores).</summary>
public abstract record AttributionEvidence
{
    /// <summary>Every contribution id the evidence mentions, with the JSON path where it is mentioned.</summary>
    public abstract IEnumerable<EvidenceReference> References();
}
