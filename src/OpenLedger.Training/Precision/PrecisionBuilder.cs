using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Precision;

/// <summary>
/// Measures a report's <c>precision</c> section: draws the subsets the chain-derived seed fixes (see
/// <see cref="PrecisionSeed"/>), measures each one's utility with the model class retrained on exactly those
/// contributions (the subset-utility delegate of <see cref="Measure"/>, run in parallel; results are stored by
/// subset index, so the section does not depend on scheduling), and computes the LDS of the report's values.
/// </summary>
public static class PrecisionBuilder
{
    public static PrecisionSection Measure(PrecisionRequest request, IReadOnlyDictionary<BigInteger, double> values,
        IReadOnlyList<BigInteger> eligible, Func<IReadOnlyList<BigInteger>, double> subsetUtility)
    {
        if (request.Subsets < PrecisionSection.MinimumSubsets)
            throw new AttributionException($"Precision needs at least {PrecisionSection.MinimumSubsets} subsets but {request.Subsets} were asked for");
        if (string.IsNullOrWhiteSpace(request.ModelClass))
            throw new AttributionException("Precision needs the name of the model class that is retrained but got none");
        var seed = PrecisionSeed.Derive(request.ModelId, request.Epoch, request.TestSetHash, request.CommitmentBlockHash);
        var subsets = PrecisionSubsets.Draw(eligible, request.Subsets, seed);
        var utilities = new double[subsets.Count];
        Parallel.For(0, subsets.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            s => utilities[s] = subsetUtility(subsets[s]));
        for (var s = 0; s < utilities.Length; s++)
            if (!double.IsFinite(utilities[s]))
                throw new AttributionException($"The {request.ModelClass} utility of subset {s} [{string.Join(", ", subsets[s])}] is {utilities[s]}, not a finite number");
        var lds = LinearDatamodelingScore.Measure(values, subsets, utilities, request.Confidence);
        return new PrecisionSection(request.ModelClass, request.CommitmentBlockHash, seed,
            [.. subsets.Select((members, s) => new CoalitionUtility(members, utilities[s]))], lds.Spearman, lds.Lower, lds.Upper, request.Confidence);
    }
}
