using System.Numerics;
using OpenLedger.Attribution.Methods;
using OpenLedger.Attribution.Reports;
using OpenLedger.Attribution.Screening;

namespace OpenLedger.Attribution.Tests.NeighbourCredit;

public class NeighbourCreditTests
{
    [Theory]
    [InlineData(1, 1, 0)]
    [InlineData(3, 2, 1)]
    [InlineData(5, 3, 2)]
    [InlineData(4, 4, 3)]
    public void Item_values_add_up_to_the_utility_of_all_credited_items_minus_that_of_none(int k, int seed, int boundaries)
    {
        var random = new Random(seed);
        const int n = 60, t = 25, d = 3;
        var items = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 3).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(0, 3)).ToArray();
        var cohorts = Enumerable.Range(0, n).Select(_ => random.Next(0, boundaries + 1)).ToArray();
        var credited = Enumerable.Range(0, n).Select(_ => random.Next(0, 5) > 0).ToArray();
        var tests = Enumerable.Range(0, t * d).Select(_ => random.NextDouble() * 3).ToArray();
        var testLabels = Enumerable.Range(0, t).Select(_ => random.Next(0, 3)).ToArray();

        var result = NeighbourCreditCore.Compute(items, labels, cohorts, credited, tests, testLabels, d, k, radius: 0.9);
        Assert.Equal(result.Full - result.Empty, result.ItemValues.Sum(), 1e-12);
        for (var i = 0; i < n; i++) if (!credited[i]) Assert.Equal(0.0, result.ItemValues[i]);
        // U(∅) is the chance that a label drawn from the evaluation set's class frequencies is right.
        var p = NeighbourCreditCore.Prior(testLabels);
        Assert.Equal(p.Sum(x => x * x), result.Empty, 1e-12);
    }

    [Fact]
    public void In_one_cohort_each_of_a_points_k_nearest_items_gets_its_agreement_minus_chance_over_k()
    {
        var random = new Random(5);
        const int n = 40, t = 15, d = 2, k = 4;
        var items = Enumerable.Range(0, n * d).Select(_ => (double)random.Next(0, 6)).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(0, 2)).ToArray();
        var tests = Enumerable.Range(0, t * d).Select(_ => (double)random.Next(0, 6)).ToArray();
        var testLabels = Enumerable.Range(0, t).Select(_ => random.Next(0, 2)).ToArray();
        var result = NeighbourCreditCore.Compute(items, labels, new int[n], Enumerable.Repeat(true, n).ToArray(), tests, testLabels, d, k);

        // Independently: sort every item by (distance, index), credit the first k.
        var p = NeighbourCreditCore.Prior(testLabels);
        var expected = new double[n];
        for (var j = 0; j < t; j++)
        {
            var nearest = Enumerable.Range(0, n)
                .OrderBy(i => Math.Pow(items[i * d] - tests[j * d], 2) + Math.Pow(items[i * d + 1] - tests[j * d + 1], 2)).ThenBy(i => i).Take(k);
            foreach (var i in nearest) expected[i] += ((labels[i] == testLabels[j] ? 1.0 : 0.0) - p[testLabels[j]]) / k / t;
        }
        for (var i = 0; i < n; i++) Assert.Equal(expected[i], result.ItemValues[i], 1e-12);
    }

    [Fact]
    public void Parallel_and_sequential_runs_give_bit_identical_values()
    {
        var random = new Random(9);
        const int n = 2000, t = 97, d = 6;
        var items = Enumerable.Range(0, n * d).Select(_ => random.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(0, 4)).ToArray();
        var cohorts = Enumerable.Range(0, n).Select(_ => random.Next(0, 3)).ToArray();
        var credited = Enumerable.Repeat(true, n).ToArray();
        var tests = Enumerable.Range(0, t * d).Select(_ => random.NextDouble()).ToArray();
        var testLabels = Enumerable.Range(0, t).Select(_ => random.Next(0, 4)).ToArray();
        var a = NeighbourCreditCore.Compute(items, labels, cohorts, credited, tests, testLabels, d, 5, parallel: true);
        var b = NeighbourCreditCore.Compute(items, labels, cohorts, credited, tests, testLabels, d, 5, parallel: false);
        Assert.Equal(b.ItemValues.Select(BitConverter.DoubleToInt64Bits), a.ItemValues.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(BitConverter.DoubleToInt64Bits(b.Full), BitConverter.DoubleToInt64Bits(a.Full));
    }

    // Evaluation points and items a tenth apart: spreads are about 1, so the scenes' tolerance (0.02) keeps them apart.
    private static Scene TwoClasses(double tolerance = 0.02, ulong[]? boundaries = null, double harmfulZ = 0.0)
    {
        var scene = new Scene { Tolerance = tolerance, Boundaries = boundaries ?? [], HarmfulZ = harmfulZ, HarmfulThreshold = harmfulZ > 0 ? 0.2 : 0.12 };
        scene.Test((0.1, 0.1, 0), (0.2, -0.1, 0), (-0.1, 0.2, 0), (2.1, 2.0, 1), (1.9, 2.1, 1), (2.0, 1.8, 1));
        scene.Contribute(1, 10, (0.0, 0.0, 0), (0.3, 0.1, 0), (-0.2, 0.1, 0));
        scene.Contribute(2, 11, (2.0, 2.0, 1), (2.2, 1.9, 1), (1.8, 1.9, 1));
        return scene;
    }

    [Fact]
    public void A_near_copy_registered_later_earns_nothing_and_leaves_the_original_untouched()
    {
        var before = TwoClasses().Evaluate().Values.Values;
        var scene = TwoClasses();
        // Another wallet re-registers contribution 1's items, re-ordered and moved by a hundredth of a spread.
        var copier = scene.Contribute(3, 12, (-0.201, 0.1, 0), (0.0, 0.001, 0), (0.301, 0.1, 0));
        var outcome = scene.Evaluate();
        Assert.Equal(0.0, outcome.Values.Values[copier]);
        Assert.Equal(before[1], outcome.Values.Values[1]);
        Assert.Equal(before[2], outcome.Values.Values[2]);
        var items = outcome.Values.Items![copier];
        Assert.Equal((3, 0, 3, 0), (items.Total, items.Credited, items.NearDuplicates, items.Contaminated));
        Assert.Equal(new BigInteger(1), items.CopiedFrom);
        var distribution = AttributionEngine.Distribute(scene.Report());
        Assert.Equal(ContributionOutcome.NearDuplicate, distribution.Contributions.Single(c => c.Id == copier).Outcome);
        Assert.DoesNotContain(distribution.Allocations, a => a.Account == Scene.Wallet(3));
    }

    [Fact]
    public void The_earliest_registration_wins_whatever_the_order_of_the_evidence()
    {
        // The copy's items come first in the evidence, but it was registered later: it is the copy that is excluded.
        var scene = new Scene();
        scene.Test((0.3, 0.3, 0), (1.7, 1.7, 1));
        var copy = scene.Contribute(3, 50, (0.0, 0.001, 0));
        var original = scene.Contribute(1, 20, (0.0, 0.0, 0), (2.0, 2.0, 1));
        var outcome = scene.Evaluate();
        Assert.Equal(ItemExclusion.NearDuplicate, outcome.Items[0].Exclusion);
        Assert.Equal(1, outcome.Items[0].Match);
        Assert.True(outcome.Values.Values[original] > 0);
        Assert.Equal(0.0, outcome.Values.Values[copy]);
    }

    [Fact]
    public void Rows_farther_apart_than_the_tolerance_are_both_kept()
    {
        var scene = new Scene { Tolerance = 0.1 };
        scene.Test((0.2, 0.4, 0), (1.0, 1.0, 1), (0.6, 0.1, 0));
        scene.Contribute(1, 10, (0.0, 0.0, 0));
        var other = scene.Contribute(2, 11, (0.3, 0.0, 0));
        var outcome = scene.Evaluate();
        Assert.True(outcome.Items.All(i => i.IsKept));
        Assert.True(outcome.Values.Values[other] > 0);
    }

    [Fact]
    public void A_copy_of_an_evaluation_row_is_contamination_and_earns_nothing()
    {
        var scene = TwoClasses();
        var leaker = scene.Contribute(3, 12, (0.1, 0.1, 0), (2.1, 2.0, 1));
        var outcome = scene.Evaluate();
        Assert.Equal(0.0, outcome.Values.Values[leaker]);
        Assert.Equal(2, outcome.Values.Items![leaker].Contaminated);
        var distribution = AttributionEngine.Distribute(scene.Report());
        Assert.Equal(ContributionOutcome.Contaminated, distribution.Contributions.Single(c => c.Id == leaker).Outcome);
    }

    [Fact]
    public void Rows_beyond_the_radius_of_every_point_hold_no_slot_and_move_nobody()
    {
        var before = TwoClasses().Evaluate();
        var scene = TwoClasses();
        var junk = scene.Contribute(3, 12, (9.0, 9.0, 0), (-9.0, 9.0, 1), (9.0, -9.0, 0), (-9.0, -9.0, 1));
        var outcome = scene.Evaluate();
        Assert.Equal(0.0, outcome.Values.Values[junk]);
        Assert.Equal(before.Values.Values[1], outcome.Values.Values[1]);
        Assert.Equal(before.Values.Values[2], outcome.Values.Values[2]);
        Assert.Equal(0, outcome.Values.Items![junk].Active);
    }

    [Fact]
    public void Splitting_a_contribution_over_wallets_does_not_change_the_persons_total()
    {
        var whole = TwoClasses().Evaluate().Values.Values;
        var scene = new Scene();
        scene.Test((0.1, 0.1, 0), (0.2, -0.1, 0), (-0.1, 0.2, 0), (2.1, 2.0, 1), (1.9, 2.1, 1), (2.0, 1.8, 1));
        var a = scene.Contribute(1, 10, (0.0, 0.0, 0));
        var b = scene.Contribute(4, 10, (0.3, 0.1, 0), (-0.2, 0.1, 0));
        var c = scene.Contribute(2, 11, (2.0, 2.0, 1), (2.2, 1.9, 1), (1.8, 1.9, 1));
        var split = scene.Evaluate().Values.Values;
        Assert.Equal(whole[1], split[a] + split[b], 1e-15);
        Assert.Equal(whole[2], split[c]);
    }

    [Fact]
    public void A_later_cohort_earns_only_what_it_adds_over_the_items_it_displaces()
    {
        // Cohort 1 (after block 15) puts a right-labelled row nearer to every class-0 point than the earlier rows:
        // it displaces right-labelled rows, adds nothing, and earns nothing; in the same cohort it would share.
        var later = TwoClasses(boundaries: [15]);
        var derived = later.Contribute(3, 20, (0.1, 0.05, 0));
        Assert.Equal(0.0, later.Evaluate().Values.Values[derived], 1e-15);
        var same = TwoClasses();
        var peer = same.Contribute(3, 12, (0.1, 0.05, 0));
        Assert.True(same.Evaluate().Values.Values[peer] > 0);

        // A later row that pushes a wrongly labelled row out of a point's slots earns the fix.
        var fix = new Scene { Boundaries = [15] };
        fix.Test((0.0, 0.0, 0), (2.0, 2.0, 1));
        fix.Contribute(1, 10, (0.2, 0.2, 0), (2.3, 2.3, 1), (2.4, 2.4, 1), (1.5, 1.5, 0));
        var helper = fix.Contribute(3, 20, (2.1, 2.1, 1));
        Assert.True(fix.Evaluate().Values.Values[helper] > 0);
    }

    [Fact]
    public void Values_with_cohorts_still_add_up_and_the_report_states_those_utilities()
    {
        var scene = TwoClasses(boundaries: [15]);
        scene.Contribute(3, 20, (0.1, 0.05, 0), (1.0, 1.0, 1));
        var report = scene.Report();
        var distribution = AttributionEngine.Distribute(report);
        Assert.Equal(report.Evaluation.Score - report.Evaluation.Baseline, distribution.Contributions.Sum(c => c.Value), 1e-12);
    }

    [Theory]
    [InlineData(0.01, 0.0, "evaluation.score")]
    [InlineData(0.0, -0.01, "evaluation.baseline")]
    public void A_report_whose_score_or_baseline_differs_from_its_evidence_is_refused(double scoreOffset, double baselineOffset, string field)
    {
        var scene = TwoClasses();
        var utilities = scene.Evaluate().Utilities;
        var e = Assert.Throws<ReportValidationException>(() =>
            AttributionEngine.Distribute(scene.Report(utilities.Full + scoreOffset, utilities.Empty + baselineOffset)));
        Assert.Equal(field, Assert.Single(e.Problems).Path);
        Assert.Contains("must equal the evidence's utility", e.Problems[0].Problem);
    }

    [Fact]
    public void Mislabelled_items_make_a_contribution_a_flag_candidate_and_cut_its_pay_in_proportion()
    {
        var scene = TwoClasses();
        // Five items near class 1's points, two of them labelled 0.
        var poisoned = scene.Contribute(3, 12, (2.05, 2.05, 1), (1.95, 1.85, 0), (2.1, 1.85, 1), (1.85, 2.05, 0), (2.15, 2.1, 1));
        var distribution = AttributionEngine.Distribute(scene.Report());
        var items = distribution.Contributions.Single(c => c.Id == poisoned).Items!;
        Assert.True(items.Harmful >= 1, $"harmful {items.Harmful} of {items.Active}");
        var flag = Assert.Single(distribution.FlagCandidates, f => f.Id == poisoned);
        Assert.Contains("hold more wrong slots than right ones", flag.Reason);
        Assert.DoesNotContain(distribution.FlagCandidates, f => f.Id == 1 || f.Id == 2);
    }

    [Theory]
    // Wilson score lower bounds, computed by hand: p̂ = h/n, (p̂ + z²/2n − z·sqrt(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n).
    [InlineData(3, 18, 1.645, 0.0686)]
    [InlineData(5, 25, 1.645, 0.1009)]
    [InlineData(10, 10, 1.645, 0.7870)]
    [InlineData(0, 10, 1.645, 0.0)]
    [InlineData(3, 18, 0.0, 0.16667)]
    public void The_harmful_share_s_lower_bound_is_wilson_s(int harmful, int active, double z, double expected)
    {
        var items = new ItemSummary(active, active, 0, 0, null, active, harmful);
        Assert.Equal(expected, items.HarmfulLowerBound(z), 4);
    }

    [Fact]
    public void With_a_confidence_z_a_few_harmful_items_of_a_small_contribution_are_not_enough_to_flag_it()
    {
        // The same poisoned contribution as above: 2 of 5 items mislabelled. Its share passes 0.2, but at 95 %
        // confidence five items cannot show that it is at least 0.2; twenty items, half of them mislabelled, can.
        var small = TwoClasses(harmfulZ: 1.645);
        var poisoned = small.Contribute(3, 12, (2.05, 2.05, 1), (1.95, 1.85, 0), (2.1, 1.85, 1), (1.85, 2.05, 0), (2.15, 2.1, 1));
        var distribution = AttributionEngine.Distribute(small.Report());
        var items = distribution.Contributions.Single(c => c.Id == poisoned).Items!;
        Assert.True(items.HarmfulFraction >= 0.2 && items.HarmfulLowerBound(1.645) < 0.2, $"harmful {items.Harmful} of {items.Active}");
        Assert.DoesNotContain(distribution.FlagCandidates, f => f.Id == poisoned);

        // Twenty class-1 evaluation points in a row, and a contribution with an item beside each, every other one mislabelled.
        var large = new Scene { HarmfulZ = 1.645, HarmfulThreshold = 0.2 };
        large.Test([.. Enumerable.Range(0, 20).Select(i => (2.0 + 0.1 * i, 2.0, 1)), (0.1, 0.1, 0), (0.2, -0.1, 0)]);
        large.Contribute(1, 10, (0.0, 0.0, 0), (0.3, 0.1, 0));
        var many = large.Contribute(3, 12, [.. Enumerable.Range(0, 20).Select(i => (2.0 + 0.1 * i, 2.05, i % 2 == 0 ? 1 : 0))]);
        var flagged = AttributionEngine.Distribute(large.Report());
        var flag = Assert.Single(flagged.FlagCandidates, f => f.Id == many);
        Assert.Contains("at z = 1.645", flag.Reason);
    }
}
