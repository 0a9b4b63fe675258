using System.Numerics;
using System.Text.Json;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Methods;

/// <summary>
/// One way of turning evidence into a value per contribution. A method owns its evidence format: it parses and
/// validates <c>attribution.parameters</c> and <c>attribution.evidence</c>, and computes values from them.
/// </summary>
public interface IAttributionMethod
{
    /// <summary>The name used in <c>attribution.method</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Reads the method's parameters and evidence from the <c>attribution</c> object at <paramref name="path"/>;
    /// records every problem in <paramref name="reader"/> and returns null when the evidence does not fit.
    /// </summary>
    AttributionEvidence? ParseEvidence(JsonElement attribution, string path, JsonFieldReader reader);

    /// <summary>
    /// Values per contribution id. <paramref name="excluded"/> are duplicate registrations: methods that see the
    /// underlying items (KNN-Shapley) leave them out of the game; for the others the engine zeroes their values.
    /// </summary>
    ContributionValues Compute(AttributionEvidence evidence, IReadOnlySet<BigInteger> excluded);

    /// <summary>
    /// Values per contribution id, for methods that also need the contributions' registration order (item
    /// screening, cohorts). By default the excluded set is all a method uses.
    /// </summary>
    ContributionValues Compute(AttributionEvidence evidence, AttributionContext context) => Compute(evidence, context.Excluded);
}
