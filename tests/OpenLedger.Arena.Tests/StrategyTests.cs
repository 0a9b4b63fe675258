using OpenLedger.Arena.Data;
using OpenLedger.Arena.Play;
using OpenLedger.Arena.Strategies;
using OpenLedger.Training.Datasets;
using OpenLedger.Attribution.Sampling;

namespace OpenLedger.Arena.Tests;

/// <summary>Each strategy registers what it claims to.</summary>
public class StrategyTests
{
    private static readonly ArenaData Wine = Arena.Data("wine");

    [Fact]
    public void An_exact_copy_holds_the_same_rows_in_another_order_under_a_new_content_hash()
    {
        var rows = Arena.Rows(Arena.Plan("copy-exact"));
        Assert.Equal(Arena.Keys(Wine.HonestShards[0]).Order(), Arena.Keys(rows).Order());
        Assert.NotEqual(Arena.Keys(Wine.HonestShards[0]), Arena.Keys(rows));
        Assert.NotEqual(SklearnCsv.ContentHash(Wine.HonestShards[0]), SklearnCsv.ContentHash(rows));
    }

    [Theory]
    [InlineData("copy-noise-1e-9", 1e-9)]
    [InlineData("copy-noise-1e-3", 1e-3)]
    [InlineData("copy-noise-1pct", 0.01)]
    [InlineData("copy-noise-5pct", 0.05)]
    public void A_near_copy_is_within_its_noise_level_of_each_features_spread_of_a_source_row(string strategy, double level)
    {
        var rows = Arena.Rows(Arena.Plan(strategy));
        var source = Wine.HonestShards[0];
        Assert.Equal(source.Count, rows.Count);
        for (var r = 0; r < rows.Count; r++)
            Assert.True(Arena.NearSome(rows.Row(r), rows.Labels[r], source, f => level * Wine.FeatureSd[f]), $"row {r} is not within {level} spreads of a source row");
        // ... and it is not an exact copy of any row.
        Assert.Empty(Arena.Keys(rows).Intersect(Arena.Keys(source)));
    }

    [Fact]
    public void The_same_noise_level_is_not_met_at_a_tenth_of_it()
    {
        // The check above can fail: 5 % noise is not within 0.5 % of the spread.
        var rows = Arena.Rows(Arena.Plan("copy-noise-5pct"));
        Assert.Contains(Enumerable.Range(0, rows.Count),
            r => !Arena.NearSome(rows.Row(r), rows.Labels[r], Wine.HonestShards[0], f => 0.005 * Wine.FeatureSd[f]));
    }

    [Fact]
    public void A_subset_copy_holds_half_of_the_source_rows()
    {
        var rows = Arena.Rows(Arena.Plan("copy-subset-half"));
        Assert.Equal((int)Math.Round(Wine.HonestShards[0].Count * 0.5, MidpointRounding.ToEven), rows.Count);
        Assert.Subset(Arena.Keys(Wine.HonestShards[0]).ToHashSet(), Arena.Keys(rows).ToHashSet());
    }

    [Fact]
    public void A_mixed_copy_is_the_source_and_the_attackers_own_rows()
    {
        var rows = Arena.Rows(Arena.Plan("copy-mixed-own"));
        Assert.Equal(Arena.Keys(Wine.HonestShards[0]).Concat(Arena.Keys(Wine.OwnShard)).Order(), Arena.Keys(rows).Order());
    }

    [Fact]
    public void A_later_epoch_copy_registers_after_the_cohort_boundary_and_the_originals_before_it()
    {
        var plan = Arena.Plan("copy-noise-1pct-later");
        Assert.True(plan.LaterEpoch);
        var scenario = Scenario.Of(Wine, plan);
        Assert.Equal(2UL, scenario.Epoch);
        Assert.Equal([Scenario.Boundary], scenario.CohortBoundaries);
        var blocks = scenario.Registrations().ToArray();
        Assert.All(blocks.Where(b => !b.Attacker), b => Assert.True(b.Block < Scenario.Boundary));
        Assert.All(blocks.Where(b => b.Attacker), b => Assert.True(b.Block > Scenario.Boundary));
        Assert.Equal(blocks.Length, blocks.Select(b => b.Block).Distinct().Count());
        Assert.Empty(Scenario.Of(Wine, Arena.Plan("copy-noise-1pct")).CohortBoundaries);
    }

    [Fact]
    public void Exact_leakage_rows_are_the_evaluation_rows_and_no_training_row()
    {
        var rows = Arena.Keys(Arena.Rows(Arena.Plan("leak-exact")));
        Assert.Equal(Arena.Keys(Wine.Test).Order(), rows.Order());
        Assert.Empty(rows.Intersect(Arena.Keys(Wine.Split.Train)));
    }

    [Fact]
    public void Noisy_leakage_rows_are_within_1_percent_of_an_evaluation_row()
    {
        var rows = Arena.Rows(Arena.Plan("leak-noise-1pct"));
        for (var r = 0; r < rows.Count; r++)
            Assert.True(Arena.NearSome(rows.Row(r), rows.Labels[r], Wine.Test, f => 0.01 * Wine.FeatureSd[f]));
        Assert.False(Enumerable.Range(0, rows.Count).All(r => Arena.NearSome(rows.Row(r), rows.Labels[r], Wine.Split.Train, f => 0.01 * Wine.FeatureSd[f])));
    }

    [Theory]
    [InlineData("poison-flip-10pct", 0.1, false)]
    [InlineData("poison-flip-20pct", 0.2, false)]
    [InlineData("poison-flip-50pct", 0.5, false)]
    [InlineData("poison-flip-100pct", 1.0, false)]
    [InlineData("poison-shift-20pct", 0.2, true)]
    [InlineData("poison-shift-50pct", 0.5, true)]
    public void Poisoning_corrupts_exactly_the_stated_fraction_of_the_attackers_own_labels(string strategy, double fraction, bool shift)
    {
        var rows = Arena.Rows(Arena.Plan(strategy, "digits"));
        var own = Arena.Data("digits").OwnShard;
        Assert.Equal(own.Values, rows.Values);
        var changed = Enumerable.Range(0, own.Count).Where(r => rows.Labels[r] != own.Labels[r]).ToArray();
        Assert.Equal((int)Math.Round(own.Count * fraction, MidpointRounding.ToEven), changed.Length);
        if (shift) Assert.All(changed, r => Assert.Equal((own.Labels[r] + 1) % 10, rows.Labels[r]));
        else Assert.Contains(changed, r => rows.Labels[r] != (own.Labels[r] + 1) % 10); // flips go to any other class
    }

    [Fact]
    public void Padded_poisoning_is_the_poisoned_shard_then_four_times_as_many_majority_labelled_junk_rows()
    {
        var rows = Arena.Rows(Arena.Plan("poison-flip-50pct-padded-4x"));
        var n = Wine.OwnShard.Count;
        Assert.Equal(5 * n, rows.Count);
        Assert.Equal(Wine.OwnShard.Values, rows.Values[..(n * rows.Features)]);
        Assert.Equal((int)Math.Round(n * 0.5, MidpointRounding.ToEven), Enumerable.Range(0, n).Count(r => rows.Labels[r] != Wine.OwnShard.Labels[r]));
        Assert.All(rows.Labels[n..], l => Assert.Equal(Wine.MajorityClass, l));
    }

    [Theory]
    [InlineData("junk-random-0.5x", 0.5)]
    [InlineData("junk-random-1x", 1)]
    [InlineData("junk-majority-4x", 4)]
    public void Junk_counts_are_multiples_of_the_honest_data_with_features_in_the_published_range(string strategy, double multiple)
    {
        var rows = Arena.Rows(Arena.Plan(strategy));
        Assert.Equal((int)Math.Round(multiple * Wine.Published.Count), rows.Count);
        for (var r = 0; r < rows.Count; r++)
            for (var f = 0; f < rows.Features; f++)
                Assert.InRange(rows.Row(r)[f], Wine.FeatureMin[f], Wine.FeatureMax[f]);
        if (strategy.Contains("majority")) Assert.All(rows.Labels, l => Assert.Equal(Wine.MajorityClass, l));
        else Assert.Equal(3, rows.Labels.Distinct().Count());
    }

    [Fact]
    public void Outliers_are_at_least_10_spreads_from_the_mean_on_every_feature()
    {
        var rows = Arena.Rows(Arena.Plan("junk-outliers-1x"));
        for (var r = 0; r < rows.Count; r++)
            for (var f = 0; f < rows.Features; f++)
                Assert.True(Math.Abs(rows.Row(r)[f] - Wine.FeatureMean[f]) >= 10 * Wine.FeatureSd[f]);
    }

    [Theory]
    [InlineData("synthetic-interpolate")]
    [InlineData("synthetic-centroid")]
    public void Interpolated_and_centroid_rows_stay_inside_their_classs_published_bounding_box(string strategy)
    {
        var rows = Arena.Rows(Arena.Plan(strategy));
        var byClass = RowMaker.ByClass(Wine.Published);
        Assert.Equal(Wine.Published.Count, rows.Count);
        Assert.Empty(Arena.Keys(rows).Intersect(Arena.Keys(Wine.Published)));
        for (var r = 0; r < rows.Count; r++)
            for (var f = 0; f < rows.Features; f++)
            {
                var values = byClass[rows.Labels[r]].Select(i => Wine.Published.Row(i)[f]).ToArray();
                Assert.InRange(rows.Row(r)[f], values.Min() - 1e-9, values.Max() + 1e-9);
            }
    }

    [Fact]
    public void Jittered_rows_are_within_10_percent_of_a_published_row_of_their_class()
    {
        var rows = Arena.Rows(Arena.Plan("synthetic-jitter"));
        for (var r = 0; r < rows.Count; r++)
            Assert.True(Arena.NearSome(rows.Row(r), rows.Labels[r], Wine.Published, f => 0.1 * Wine.FeatureSd[f] + 1e-12));
    }

    [Theory]
    [InlineData("sybil-split-2", 2)]
    [InlineData("sybil-split-5", 5)]
    public void A_split_deals_the_shard_over_distinct_wallets_without_losing_or_repeating_a_row(string strategy, int pieces)
    {
        var plan = Arena.Plan(strategy);
        Assert.Equal(pieces, plan.Added.Count);
        Assert.Equal(pieces, plan.Added.Select(s => s.Wallet).Distinct().Count());
        Assert.Equal(ArenaWallets.Honest(0), plan.Added[0].Wallet);
        Assert.Equal(Arena.Keys(Wine.HonestShards[0]).Order(), plan.Added.SelectMany(s => Arena.Keys(s.Rows)).Order());
        Assert.Equal([0], plan.Removed);
    }

    [Fact]
    public void A_merge_registers_two_shards_as_one_contribution_of_the_first_wallet()
    {
        var plan = Arena.Plan("sybil-merge");
        var merged = Assert.Single(plan.Added);
        Assert.Equal(ArenaWallets.Honest(0), merged.Wallet);
        Assert.Equal(Arena.Keys(LabelledDataset.Concat([Wine.HonestShards[0], Wine.HonestShards[1]])), Arena.Keys(merged.Rows));
        Assert.Equal([0, 1], plan.Removed);
    }

    [Fact]
    public void Strategies_draw_the_same_rows_from_the_same_seed_and_others_from_another()
    {
        Assert.Equal(Arena.Keys(Arena.Rows(Arena.Plan("synthetic-interpolate", seed: 3))), Arena.Keys(Arena.Rows(Arena.Plan("synthetic-interpolate", seed: 3))));
        Assert.NotEqual(Arena.Keys(Arena.Rows(Arena.Plan("synthetic-interpolate", seed: 3))), Arena.Keys(Arena.Rows(Arena.Plan("synthetic-interpolate", seed: 4))));
    }

    [Fact]
    public void An_unknown_strategy_is_refused_by_name()
    {
        var e = Assert.Throws<ArenaException>(() => StrategyCatalog.Get("copy-everything"));
        Assert.StartsWith("Unknown strategy 'copy-everything'; expected one of honest-newcomer, copy-exact,", e.Message);
    }

    [Fact]
    public void Strategy_names_are_unique_and_the_quick_list_names_real_ones()
    {
        Assert.Equal(StrategyCatalog.All.Count, StrategyCatalog.All.Select(s => s.Name).Distinct().Count());
        Assert.All(StrategyCatalog.Quick, name => StrategyCatalog.Get(name));
        Assert.All(Enum.GetValues<StrategyFamily>(), f => Assert.Contains(StrategyCatalog.All, s => s.Family == f));
    }
}
