using System.Numerics;
using OpenLedger.Attribution.Precision;
using OpenLedger.Attribution.Reports;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Training.Precision;

namespace OpenLedger.Training.Tests.Precision;

public class PrecisionBuilderTests
{
    private static readonly BigInteger[] Ids = Enumerable.Range(1, 10).Select(i => (BigInteger)i).ToArray();
    private static readonly Dictionary<BigInteger, double> Values = Ids.ToDictionary(id => id, id => (double)id);
    private static readonly PrecisionRequest Request = new(7, 2, Hash(1), Hash(2), "test-game");

    private static Hash32 Hash(byte b) => new(Enumerable.Repeat(b, 32).ToArray());

    [Fact]
    public void An_additive_game_measures_an_lds_of_one_and_a_reversed_one_minus_one()
    {
        var additive = PrecisionBuilder.Measure(Request, Values, Ids, s => s.Sum(id => (double)id));
        Assert.Equal(1, additive.Lds, 12);
        Assert.Equal((1.0, 1.0), (additive.Lower, additive.Upper));
        var reversed = PrecisionBuilder.Measure(Request, Values, Ids, s => -s.Sum(id => (double)id));
        Assert.Equal(-1, reversed.Lds, 12);
    }

    [Fact]
    public void The_section_holds_the_seeds_subsets_with_each_ones_measured_utility()
    {
        var section = PrecisionBuilder.Measure(Request, Values, Ids, s => s.Count(id => id % 2 == 0));
        var seed = PrecisionSeed.Derive(7, 2, Hash(1), Hash(2));
        Assert.Equal(seed, section.Seed);
        Assert.Equal(Hash(2), section.CommitmentBlockHash);
        Assert.Equal("test-game", section.ModelClass);
        var drawn = PrecisionSubsets.Draw(Ids, 100, seed);
        Assert.Equal(100, section.Subsets.Count);
        for (var s = 0; s < 100; s++)
        {
            Assert.Equal(drawn[s], section.Subsets[s].Members);
            Assert.Equal(drawn[s].Count(id => id % 2 == 0), section.Subsets[s].Utility);
        }
        var expected = LinearDatamodelingScore.Measure(Values, drawn, [.. section.Subsets.Select(c => c.Utility)]);
        Assert.Equal((expected.Spearman, expected.Lower, expected.Upper), (section.Lds, section.Lower, section.Upper));
    }

    [Fact]
    public void Measuring_in_parallel_gives_the_same_section_every_time()
    {
        var noise = (IReadOnlyList<BigInteger> s) => s.Sum(id => Math.Sin((double)id * 7.1)) + s.Sum(id => (double)id) / 10;
        var first = PrecisionBuilder.Measure(Request, Values, Ids, noise);
        var again = PrecisionBuilder.Measure(Request, Values, Ids, noise);
        Assert.Equal(PrecisionJson.ToJson(first).ToJsonString(), PrecisionJson.ToJson(again).ToJsonString());
    }

    [Fact]
    public void Too_few_subsets_a_missing_model_class_and_a_non_finite_utility_are_refused()
    {
        Assert.Equal("Precision needs at least 100 subsets but 99 were asked for", Assert.Throws<AttributionException>(() =>
            PrecisionBuilder.Measure(Request with { Subsets = 99 }, Values, Ids, _ => 1)).Message);
        Assert.Equal("Precision needs the name of the model class that is retrained but got none", Assert.Throws<AttributionException>(() =>
            PrecisionBuilder.Measure(Request with { ModelClass = " " }, Values, Ids, _ => 1)).Message);
        var nan = Assert.Throws<AttributionException>(() => PrecisionBuilder.Measure(Request, Values, Ids, _ => double.NaN));
        Assert.StartsWith("The test-game utility of subset 0 [", nan.Message);
        Assert.EndsWith("] is NaN, not a finite number", nan.Message);
    }
}
