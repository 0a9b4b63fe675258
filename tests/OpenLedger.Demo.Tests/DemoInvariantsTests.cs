using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Demo;

namespace OpenLedger.Demo.Tests;

public class DemoInvariantsTests
{
    private static readonly BigInteger Open = BigInteger.Pow(10, 18);
    private const string BadHash = "0xbad0000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// A table as the demo ends when everything went right: 4 clean contributors share the epoch, eli is at zero and
    /// slashed, fay's near-copy of ana's shard earned nothing, gus's junk earned 0.5 % of the epoch.
    /// </summary>
    private static FinalTable Good()
    {
        var clean = Enumerable.Range(0, 4).Select(i => new ContributorRow(i == 0 ? "ana" : $"c{i}", $"0x{i:x40}", "direct", $"0x{i + 1:x64}", "active",
            0.2 + i * 0.01, 224 * Open, 249 * Open, 350 * Open, ContributorPart.Honest)).ToList();
        var eli = new ContributorRow("eli", $"0x{9:x40}", "direct", BadHash, "slashed", -0.199, 0, 0, 0, ContributorPart.Corrupted,
            Why: "flag candidate: 30 of its 31 active items hold more wrong slots than right ones (0.97 ≥ 0.12); bond slashed");
        var fay = new ContributorRow("fay", $"0x{10:x40}", "direct", $"0x{10:x64}", "active", 0, 0, 0, 0, ContributorPart.Copier,
            "near-duplicate", "copy of ana's shard (25 of 25 rows within the near-duplicate tolerance)");
        var gus = new ContributorRow("gus", $"0x{11:x40}", "direct", $"0x{11:x64}", "active", 0.001, 4 * Open, 4 * Open, 0, ContributorPart.Junk,
            Why: "2 of 25 rows near an evaluation point, 1 harmful");
        return new FinalTable(new EpochFacts("claimable", 900 * Open, 1000 * Open, 900 * Open, 1000 * Open, 1400 * Open), [.. clean, eli, fay, gus]);
    }

    private const string Sealed = "0x5ea1000000000000000000000000000000000000000000000000000000000000";
    private static readonly EvaluationSeal SealHeld = new(Sealed, Sealed, Sealed.ToUpperInvariant().Replace("0X", "0x"), Sealed);

    private static IReadOnlyList<string> Check(FinalTable table, bool posted = true, bool verified = true, string[]? flagged = null,
        EvaluationSeal? evaluation = null) =>
        DemoInvariants.Check(table, posted, verified, flagged ?? [BadHash], evaluation ?? SealHeld);

    [Fact]
    public void A_report_scored_on_another_test_set_than_the_sealed_one_or_no_seal_at_all_is_a_problem()
    {
        Assert.Contains(Check(Good(), evaluation: SealHeld with { Reported = BadHash }),
            p => p.Contains($"the posted report's testSetHash {BadHash} is not the on-chain commitment {Sealed}"));
        Assert.Contains(Check(Good(), evaluation: SealHeld with { Reported = null }), p => p.Contains("testSetHash none"));
        Assert.Contains(Check(Good(), evaluation: SealHeld with { Served = BadHash }), p => p.Contains("the node serves the evaluation set"));
        Assert.Contains(Check(Good(), evaluation: SealHeld with { TestFile = BadHash }), p => p.Contains("the held-back test file hashes to"));
        var unsealed = Check(Good(), evaluation: new EvaluationSeal(null, null, Sealed, Sealed));
        Assert.Contains(unsealed, p => p.Contains("no evaluation set is committed on chain"));
    }

    [Fact]
    public void The_evaluation_secret_is_32_fresh_bytes_in_an_owner_only_file_and_seeds_the_split_reproducibly()
    {
        var dir = Directory.CreateTempSubdirectory("openledger-demo-secret-");
        try
        {
            var a = EvaluationSecret.Create(Path.Combine(dir.FullName, "a"));
            var b = EvaluationSecret.Create(Path.Combine(dir.FullName, "b"));
            Assert.Equal(32, a.Length);
            Assert.NotEqual(a, b);
            Assert.Equal(a, File.ReadAllBytes(Path.Combine(dir.FullName, "a")));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir.FullName, "a")));
            Assert.Equal(EvaluationSecret.SplitSeed(a), EvaluationSecret.SplitSeed(a.ToArray()));
            Assert.NotEqual(EvaluationSecret.SplitSeed(a), EvaluationSecret.SplitSeed(b));
            Assert.Throws<IOException>(() => EvaluationSecret.Create(Path.Combine(dir.FullName, "a"))); // never overwritten
            var e = Assert.Throws<DemoFailure>(() => EvaluationSecret.SplitSeed(new byte[31]));
            Assert.Equal("the evaluation secret must be 32 bytes but is 31", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_table_where_everything_went_right_has_no_problem() => Assert.Empty(Check(Good()));

    [Fact]
    public void An_unverified_or_unposted_epoch_is_a_problem()
    {
        Assert.Contains(Check(Good(), verified: false), p => p.Contains("epoch verify"));
        Assert.Contains(Check(Good(), posted: false), p => p.Contains("not posted"));
    }

    [Fact]
    public void Claims_that_do_not_add_up_to_the_epoch_are_a_problem()
    {
        var t = Good();
        var rows = t.Rows.ToList();
        rows[0] = rows[0] with { OpenClaimed = rows[0].OpenClaimed - 1 };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("contributors claimed"));
        Assert.Contains(Check(t with { Epoch = t.Epoch with { ClaimedShares = 0 } }), p => p.Contains("shares claimed"));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("shares")]
    [InlineData("revenue")]
    [InlineData("status")]
    [InlineData("value")]
    public void A_corrupted_contributor_who_earned_or_was_not_slashed_is_a_problem(string what)
    {
        var t = Good();
        var rows = t.Rows.ToList();
        var eli = rows[4];
        rows[4] = what switch
        {
            "open" => eli with { OpenClaimed = 1 },
            "shares" => eli with { SharesHeld = 1 },
            "revenue" => eli with { RevenueWithdrawn = 1 },
            "status" => eli with { Status = "flagged" },
            _ => eli with { Value = 0.01 },
        };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("eli"));
    }

    [Fact]
    public void A_corrupted_shard_that_was_not_flagged_from_the_attribution_is_a_problem() =>
        Assert.Contains(Check(Good(), flagged: []), p => p.Contains("not flagged"));

    [Fact]
    public void A_clean_contributor_left_without_revenue_is_a_problem()
    {
        var t = Good();
        var rows = t.Rows.ToList();
        rows[1] = rows[1] with { RevenueWithdrawn = 0 };
        var problems = Check(t with { Rows = rows });
        Assert.Contains(problems, p => p.Contains("c1 (clean)"));
    }

    [Fact]
    public void Revenue_left_behind_beyond_rounding_dust_is_a_problem()
    {
        var t = Good();
        Assert.Empty(Check(t with { Epoch = t.Epoch with { HoldersRevenue = t.Epoch.HoldersRevenue + 5 } }));
        Assert.Contains(Check(t with { Epoch = t.Epoch with { HoldersRevenue = t.Epoch.HoldersRevenue + 6 } }), p => p.Contains("holders withdrew"));
        Assert.Contains(Check(t with { Epoch = t.Epoch with { HoldersRevenue = t.Epoch.HoldersRevenue - 1 } }), p => p.Contains("holders withdrew"));
    }

    [Theory]
    [InlineData("open")]
    [InlineData("shares")]
    [InlineData("revenue")]
    [InlineData("outcome")]
    [InlineData("why")]
    public void A_near_copy_that_earned_or_is_not_named_a_copy_of_its_original_is_a_problem(string what)
    {
        var t = Good();
        var rows = t.Rows.ToList();
        var fay = rows[5];
        rows[5] = what switch
        {
            "open" => fay with { OpenClaimed = 1 },
            "shares" => fay with { SharesHeld = 1 },
            "revenue" => fay with { RevenueWithdrawn = 1 },
            "outcome" => fay with { Outcome = "credited" },
            _ => fay with { Why = "copy of ben's shard (25 of 25 rows within the near-duplicate tolerance)" },
        };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("fay"));
    }

    [Fact]
    public void Junk_that_earned_more_than_one_percent_of_the_epoch_or_has_no_reason_is_a_problem()
    {
        var t = Good();
        var rows = t.Rows.ToList();
        rows[6] = rows[6] with { OpenClaimed = 9 * Open + 1 };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("gus (junk) earned"));
        rows[6] = t.Rows[6] with { OpenClaimed = 9 * Open, SharesHeld = 10 * Open };
        Assert.DoesNotContain(Check(t with { Rows = rows }), p => p.Contains("gus"));
        rows[6] = t.Rows[6] with { SharesHeld = 10 * Open + 1 };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("gus (junk) earned"));
        rows[6] = t.Rows[6] with { Why = "" };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("no reason for what gus"));
    }

    [Fact]
    public void A_corrupted_shard_the_api_gives_no_flag_reason_for_is_a_problem()
    {
        var t = Good();
        var rows = t.Rows.ToList();
        rows[4] = rows[4] with { Why = "credited" };
        Assert.Contains(Check(t with { Rows = rows }), p => p.Contains("no flag reason for eli"));
    }

    [Fact]
    public void Why_reads_the_copy_s_original_the_flag_reason_and_the_items_from_the_served_distribution()
    {
        var owners = new Dictionary<string, string> { ["1"] = "ana" };
        JsonNode Attribution(string outcome, string items) => JsonNode.Parse("{\"outcome\":\"" + outcome + "\",\"items\":{" + items + "}}")!;
        Assert.Equal("copy of ana's shard (24 of 25 rows within the near-duplicate tolerance)",
            FinalTable.Why(Attribution("near-duplicate", "\"total\":25,\"nearDuplicates\":24,\"copiedFrom\":\"1\""), null, "active", owners));
        Assert.Equal("copy of contribution 3464005896… (1 of 1 rows within the near-duplicate tolerance)",
            FinalTable.Why(Attribution("near-duplicate", "\"total\":1,\"nearDuplicates\":1,\"copiedFrom\":\"34640058965526792725\""), null, "active", owners));
        Assert.Equal("3 of 4 rows are evaluation rows", FinalTable.Why(Attribution("contaminated", "\"total\":4,\"contaminated\":3"), null, "active", owners));
        Assert.Equal("flag candidate: bad labels; bond slashed", FinalTable.Why(Attribution("credited", "\"total\":4"), "bad labels", "slashed", owners));
        Assert.Equal("2 of 9 rows near an evaluation point, 1 harmful",
            FinalTable.Why(Attribution("credited", "\"total\":9,\"active\":2,\"harmful\":1"), null, "active", owners));
        Assert.Equal("not in the epoch's report", FinalTable.Why(null, null, "active", owners));
    }
}
