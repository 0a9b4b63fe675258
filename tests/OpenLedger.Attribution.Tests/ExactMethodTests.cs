using System.Numerics;
using OpenLedger.Attribution.Methods;

namespace OpenLedger.Attribution.Tests;

public class ExactMethodTests
{
    private static readonly HashSet<BigInteger> None = [];

    private static IReadOnlyDictionary<BigInteger, double> Shapley(int n, Func<IReadOnlyList<BigInteger>, double> game) =>
        new ExactShapley().Compute(ExactShapleyEvidence.Generate(TestData.Ids(n), game), None).Values;

    [Fact]
    public void Glove_game_with_one_left_and_two_right_gloves_gives_two_thirds_and_one_sixth()
    {
        var values = Shapley(3, Games.Glove(new HashSet<BigInteger> { 1 }));
        Assert.Equal(2.0 / 3, values[1], 1e-12);
        Assert.Equal(1.0 / 6, values[2], 1e-12);
        Assert.Equal(1.0 / 6, values[3], 1e-12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(6)]
    public void Balanced_glove_game_gives_everyone_one_half(int perSide)
    {
        var values = Shapley(2 * perSide, Games.Glove(TestData.Ids(perSide).ToHashSet()));
        Assert.All(values.Values, v => Assert.Equal(0.5, v, 1e-9));
    }

    [Fact]
    public void Airport_game_matches_the_cost_sorting_closed_form()
    {
        var random = new Random(3);
        var cost = TestData.Ids(12).ToDictionary(id => id, _ => Math.Round(random.NextDouble() * 100, 2));
        var values = Shapley(12, Games.Airport(cost));
        foreach (var (id, expected) in Games.AirportShapley(cost)) Assert.Equal(expected, values[id], 1e-9);
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(9, 5)]
    [InlineData(12, 7)]
    public void Symmetric_majority_game_gives_everyone_one_nth(int n, int quota)
    {
        var values = Shapley(n, Games.Majority(quota));
        Assert.All(values.Values, v => Assert.Equal(1.0 / n, v, 1e-9));
    }

    [Fact]
    public void Exact_shapley_of_twenty_players_matches_the_airport_closed_form()
    {
        // Costs ascend with the player index, so U(mask) = cost of its highest set bit.
        var cost = TestData.Ids(20).ToDictionary(id => id, id => (double)(int)id * 1.5);
        var utilities = new double[1 << 20];
        for (var mask = 1; mask < utilities.Length; mask++) utilities[mask] = (BitOperations.Log2((uint)mask) + 1) * 1.5;
        var values = ShapleyExact.Compute(20, utilities);
        Assert.Equal(30.0, values.Sum(), 1e-9);
        foreach (var (id, expected) in Games.AirportShapley(cost)) Assert.Equal(expected, values[(int)id - 1], 1e-9);
    }

    [Fact]
    public void Leave_one_out_of_a_glove_game_credits_only_the_scarce_side()
    {
        var ids = TestData.Ids(3);
        var evidence = LeaveOneOutEvidence.Generate(ids, Games.Glove(new HashSet<BigInteger> { 1 }));
        var values = new LeaveOneOut().Compute(evidence, None).Values;
        Assert.Equal(1.0, values[1]);
        Assert.Equal(0.0, values[2]);
        Assert.Equal(0.0, values[3]);
    }

    [Fact]
    public void Scores_are_taken_as_given()
    {
        var values = new Scores().Compute(new ScoresEvidence([(1, 0.25), (7, -1.5)]), None).Values;
        Assert.Equal(0.25, values[1]);
        Assert.Equal(-1.5, values[7]);
    }

    [Fact]
    public void Exact_shapley_core_rejects_a_utility_table_of_the_wrong_size()
    {
        var e = Assert.Throws<AttributionException>(() => ShapleyExact.Compute(3, new double[7]));
        Assert.Contains("needs 8 utilities but got 7", e.Message);
    }
}
