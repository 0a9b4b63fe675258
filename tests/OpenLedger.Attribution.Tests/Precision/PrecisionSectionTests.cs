using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;

namespace OpenLedger.Attribution.Tests.Precision;

/// <summary>The report's precision section: parsed, checked against the chain-derived seed, recomputed by the engine.</summary>
public class PrecisionSectionTests
{
    private const int Contributions = 12;
    private static readonly Ethereum.Primitives.Hash32 BlockHash = TestData.HashOf(500);
    private static ulong Seed => PrecisionSeed.Derive(7, 1, TestData.HashOf(99), BlockHash);

    /// <summary>Values i/100 for contribution i (scores); each subset's utility is a noisy function of its values.</summary>
    private static JsonObject Report(Func<PrecisionSection, PrecisionSection>? tamper = null, int subsets = 120)
    {
        var values = Enumerable.Range(1, Contributions).Select(i => ((BigInteger)i, i / 100.0)).ToArray();
        var report = ReportJson.Around(new AttributionSpec("scores", new ScoresEvidence(values)), Enumerable.Range(1, Contributions).ToArray());
        var drawn = PrecisionSubsets.Draw([.. values.Select(v => v.Item1)], subsets, Seed);
        var noise = new Sampling.DeterministicRandom(3);
        var measured = drawn.Select(s => new CoalitionUtility(s, 0.5 + s.Sum(id => (double)id) / 100 + noise.NextInt(20) / 100.0)).ToArray();
        var lds = LinearDatamodelingScore.Measure(values.ToDictionary(v => v.Item1, v => v.Item2), drawn, [.. measured.Select(m => m.Utility)]);
        var section = new PrecisionSection("knn(k=5)", BlockHash, Seed, measured, lds.Spearman, lds.Lower, lds.Upper, 0.95);
        report["precision"] = PrecisionJson.ToJson(tamper is null ? section : tamper(section));
        return report;
    }

    private static ReportValidationException Refused(JsonObject report) =>
        Assert.Throws<ReportValidationException>(() => ReportJson.Distribute(report));

    [Fact]
    public void A_measured_report_carries_its_recomputed_precision_into_the_distribution()
    {
        var report = PerformanceReportParser.Parse(Report().ToJsonString());
        Assert.Equal(120, report.Precision!.Subsets.Count);
        var distribution = AttributionEngine.Distribute(report);
        var precision = distribution.Precision!;
        Assert.Equal("knn(k=5)", precision.ModelClass);
        Assert.Equal(120, precision.Subsets);
        Assert.InRange(precision.Lds, 0.5, 0.99);
        Assert.InRange(precision.Lds, precision.Lower, precision.Upper);
        var json = Encoding.UTF8.GetString(DistributionJson.ToCanonicalJson(distribution));
        Assert.Contains($"\"precision\":{{\"modelClass\":\"knn(k=5)\",\"lds\":{precision.Lds:R}", json);
    }

    [Fact]
    public void A_report_without_the_section_still_parses_and_its_distribution_bytes_do_not_change()
    {
        var report = Report();
        report.Remove("precision");
        var distribution = ReportJson.Distribute(report);
        Assert.Null(distribution.Precision);
        Assert.DoesNotContain("precision", Encoding.UTF8.GetString(DistributionJson.ToCanonicalJson(distribution)));
    }

    [Theory]
    [InlineData("lds", 1e-6)]
    [InlineData("lower", -1e-3)]
    [InlineData("upper", 2e-9)]
    public void A_claimed_score_or_bound_other_than_the_recomputed_one_is_refused_by_field(string field, double shift)
    {
        var e = Refused(Report(s => field switch
        {
            "lds" => s with { Lds = s.Lds + shift },
            "lower" => s with { Lower = s.Lower + shift },
            _ => s with { Upper = s.Upper + shift },
        }));
        var problem = Assert.Single(e.Problems);
        Assert.Equal($"precision.{field}", problem.Path);
        Assert.Contains("recomputed from the attribution values and the subsets' measured utilities", problem.Problem);
    }

    [Fact]
    public void A_seed_other_than_the_derived_one_is_refused()
    {
        var e = Refused(Report(s => s with { Seed = s.Seed + 1 }));
        Assert.Equal("precision.seed", Assert.Single(e.Problems).Path);
        Assert.Contains($"must be {Seed}, the seed derived from modelId, epoch, evaluation.testSetHash and precision.commitmentBlockHash", e.Problems[0].Problem);
    }

    [Fact]
    public void Another_block_hash_draws_other_subsets_which_are_refused()
    {
        // The reporter states a block hash of its choosing but keeps the subsets: the seed no longer matches.
        var other = TestData.HashOf(501);
        var e = Refused(Report(s => s with { CommitmentBlockHash = other }));
        Assert.Equal("precision.seed", Assert.Single(e.Problems).Path);
        // With a matching seed for that hash, the subsets are not the ones it draws.
        var seed = PrecisionSeed.Derive(7, 1, TestData.HashOf(99), other);
        var picked = Refused(Report(s => s with { CommitmentBlockHash = other, Seed = seed }));
        Assert.Equal("precision.subsets[0].members", Assert.Single(picked.Problems).Path);
        Assert.Contains($"is not the subset seed {seed} draws", picked.Problems[0].Problem);
    }

    [Fact]
    public void A_swapped_subset_is_refused_but_member_order_does_not_matter()
    {
        var reordered = Report(s => s with { Subsets = [.. s.Subsets.Select(c => c with { Members = [.. c.Members.Reverse()] })] });
        Assert.NotNull(ReportJson.Distribute(reordered).Precision);
        var e = Refused(Report(s => s with { Subsets = [s.Subsets[0], s.Subsets[2], s.Subsets[1], .. s.Subsets.Skip(3)] }));
        Assert.Equal("precision.subsets[1].members", Assert.Single(e.Problems).Path);
    }

    [Fact]
    public void Fewer_than_100_subsets_are_refused()
    {
        var e = Refused(Report(subsets: 99));
        Assert.Contains(e.Problems, p => p.Path == "precision.subsets" && p.Problem == "must hold at least 100 subsets but holds 99");
    }

    [Fact]
    public void Non_finite_numbers_a_bad_confidence_and_an_interval_missing_the_score_are_refused_by_path()
    {
        var report = Report();
        var precision = report["precision"]!.AsObject();
        precision["subsets"]![4]!["utility"] = "NaN";
        precision["lds"] = 1.5;
        precision["confidence"] = 1;
        precision["modelClass"] = "";
        var e = Refused(report);
        Assert.Contains(e.Problems, p => p.Path == "precision.subsets[4].utility" && p.Problem == "NaN is not a finite number");
        Assert.Contains(e.Problems, p => p.Path == "precision.lds" && p.Problem == "is a rank correlation, between -1 and 1, but is 1.5");
        Assert.Contains(e.Problems, p => p.Path == "precision.confidence" && p.Problem == "must be strictly between 0 and 1 but is 1");
        Assert.Contains(e.Problems, p => p.Path == "precision.modelClass");
        Assert.Contains(e.Problems, p => p.Path == "precision.lower" && p.Problem.Contains("must contain the lds 1.5"));
    }

    [Fact]
    public void Missing_fields_are_named()
    {
        var report = Report();
        report["precision"]!.AsObject().Remove("commitmentBlockHash");
        report["precision"]!.AsObject().Remove("upper");
        var e = Refused(report);
        Assert.Contains(e.Problems, p => p.Path == "precision.commitmentBlockHash");
        Assert.Contains(e.Problems, p => p.Path == "precision.upper");
    }

    [Fact]
    public void Slashed_and_duplicate_contributions_are_not_drawn()
    {
        var eligible = PrecisionSectionReader.Eligible([
            Entry(1, 1, ContributionStatus.Active), Entry(2, 2, ContributionStatus.Slashed),
            Entry(3, 1, ContributionStatus.Active), Entry(4, 4, ContributionStatus.Flagged)]);
        Assert.Equal([1, 4], eligible);
    }

    private static ContributionEntry Entry(int id, int content, ContributionStatus status) =>
        new(id, TestData.AddressOf(id), TestData.HashOf(content), (ulong)(100 + id), 0, status);

    [Fact]
    public void The_precision_seed_is_pinned()
    {
        // Model 7, epoch 3, test set and block hash of 32 bytes 0x7e and 0x11: a vector for other implementations.
        var seed = PrecisionSeed.Derive(7, 3, new Ethereum.Primitives.Hash32(Enumerable.Repeat((byte)0x7e, 32).ToArray()),
            new Ethereum.Primitives.Hash32(Enumerable.Repeat((byte)0x11, 32).ToArray()));
        Assert.Equal(1829608148782128UL, seed); // ethers: keccak256(AbiCoder.encode([...])) >> 11
    }
}
