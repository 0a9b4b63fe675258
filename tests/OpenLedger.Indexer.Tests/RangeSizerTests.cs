using OpenLedger.Indexer.Sync;

namespace OpenLedger.Indexer.Tests;

public sealed class RangeSizerTests
{
    [Fact]
    public void A_refused_range_is_halved_down_to_one_block()
    {
        var sizer = new RangeSizer(100, 1000);
        sizer.TooLarge(100);
        Assert.Equal(50, sizer.Current);
        for (var i = 0; i < 10; i++) sizer.TooLarge(sizer.Current);
        Assert.Equal(1, sizer.Current);
    }

    [Fact]
    public void The_range_widens_after_two_small_responses_in_a_row_up_to_the_maximum()
    {
        var sizer = new RangeSizer(100, 300, smallBelow: 10);
        sizer.Succeeded(5);
        Assert.Equal(100, sizer.Current);
        sizer.Succeeded(5);
        Assert.Equal(200, sizer.Current);
        sizer.Succeeded(50); // a large response resets the streak
        sizer.Succeeded(5);
        Assert.Equal(200, sizer.Current);
        sizer.Succeeded(5);
        sizer.Succeeded(5);
        sizer.Succeeded(5);
        Assert.Equal(300, sizer.Current);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(20, 10)]
    public void Impossible_bounds_are_rejected(int initial, int max) =>
        Assert.Contains("1 <= initial <= max", Assert.Throws<IndexerException>(() => new RangeSizer(initial, max)).Message);
}
