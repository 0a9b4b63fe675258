using System.Net;
using System.Numerics;
using System.Text.Json.Nodes;
using OpenLedger.Contracts.Registry;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Tests.Epochs.Support;

namespace OpenLedger.Node.Tests.Epochs;

/// <summary>Every cross-check failure is a 422 naming the report field, and nothing is posted or stored.</summary>
[Collection(EpochChainCollection.Name)]
public sealed class ReportRejectionTests(EpochChain chain)
{
    private async Task<(long Model, JsonObject Report)> HonestReportAsync(BigInteger? pool = null)
    {
        var model = await chain.NewModelAsync([2, 3, 4], pool ?? 100 * EpochChain.Ether);
        var contributions = await chain.ContributionsAsync(model);
        return (model, ReportJson.Build(model, 1, contributions, _ => 1.0, 10 * EpochChain.Ether, 1_000));
    }

    private async Task<JsonNode> AssertRejectedAsync(long model, JsonNode report, string field, string expectedText)
    {
        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"expected 422 but got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(text)!;
        var messages = problem["errors"]![field]?.AsArray().Select(m => m!.GetValue<string>()).ToArray() ?? [];
        Assert.True(messages.Any(m => m.Contains(expectedText, StringComparison.Ordinal)),
            $"expected a problem at {field} containing '{expectedText}' but got {text}");
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));
        using var stored = await chain.Client.GetAsync($"/models/{model}/epochs/1/report");
        Assert.Equal(HttpStatusCode.NotFound, stored.StatusCode);
        return problem;
    }

    [Fact]
    public async Task Honest_report_of_the_rejection_setup_would_be_accepted()
    {
        // Guards the tests below: each fails for its one tampered field, not for something else in the setup.
        var (model, report) = await HonestReportAsync();
        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(BigInteger.One, await chain.LastEpochAsync(model));
    }

    [Fact]
    public async Task Unknown_contribution_is_rejected_by_its_id()
    {
        var (model, report) = await HonestReportAsync();
        var fake = BigInteger.Parse("0" + Keccak.Hash("never registered").ToString()[2..], System.Globalization.NumberStyles.HexNumber).ToString();
        report["contributions"]![1]!["id"] = fake;
        report["attribution"]!["evidence"]!["scores"]![1]!["id"] = fake;
        await AssertRejectedAsync(model, report, "contributions[1].id", "is not registered");
    }

    [Fact]
    public async Task Contribution_of_another_model_is_rejected_by_its_id()
    {
        var (model, report) = await HonestReportAsync();
        var other = await chain.NewModelAsync([7], 0);
        var foreign = ReportJson.Build(other, 1, await chain.ContributionsAsync(other), _ => 1, 1, 1)["contributions"]![0]!.DeepClone();
        report["contributions"]![2] = foreign;
        report["attribution"]!["evidence"]!["scores"]![2]!["id"] = foreign["id"]!.GetValue<string>();
        await AssertRejectedAsync(model, report, "contributions[2].id", $"belongs to model {other}, not to model {model}");
    }

    [Fact]
    public async Task Slashed_contribution_reported_active_is_rejected_by_its_status()
    {
        var (model, report) = await HonestReportAsync();
        await chain.SlashAsync(model, Hash32.Parse(report["contributions"]![0]!["contentHash"]!.GetValue<string>()));
        await AssertRejectedAsync(model, report, "contributions[0].status", "is slashed on chain and cannot be credited");
    }

    [Fact]
    public async Task Copy_of_content_registered_earlier_by_someone_else_is_rejected_by_its_content_hash()
    {
        var original = await chain.NewModelAsync([8], 0);
        var content = Hash32.Parse((await chain.ContributionsAsync(original))[0].ContentHash);
        var model = await chain.NewModelAsync([2, 3], 100 * EpochChain.Ether);
        await chain.RegisterAsync(model, 9, content); // account 9 copies account 8's content into another model
        await chain.WaitForIndexAsync();
        var contributions = await chain.ContributionsAsync(model);
        var report = ReportJson.Build(model, 1, contributions, _ => 1.0, 10 * EpochChain.Ether, 1_000);
        await AssertRejectedAsync(model, report, "contributions[2].contentHash", "the earliest registration wins");
    }

    [Fact]
    public async Task Registration_order_other_than_the_index_is_rejected_because_duplicates_depend_on_it()
    {
        var (model, report) = await HonestReportAsync();
        report["contributions"]![1]!["registeredAtBlock"] = 1;
        await AssertRejectedAsync(model, report, "contributions[1].registeredAtBlock", "duplicates are decided by this order");
    }

    [Fact]
    public async Task Contributor_other_than_the_registrant_is_rejected()
    {
        var (model, report) = await HonestReportAsync();
        report["contributions"]![0]!["contributor"] = chain.Wallet.GetAccount(12).Address.ToString();
        await AssertRejectedAsync(model, report, "contributions[0].contributor", "was registered by");
    }

    [Fact]
    public async Task Registration_a_reveal_superseded_cannot_be_credited()
    {
        var model = await chain.NewModelAsync([2, 3], 100 * EpochChain.Ether);
        // Account 4 commits to content; account 5 registers the same content directly after; account 4's reveal takes it back.
        var content = chain.NextContent();
        var salt = Keccak.Hash("salt");
        var owner = await chain.AsAsync(4);
        var types = new[] { AbiType.Parse("address"), AbiType.Parse("uint256"), AbiType.Parse("bytes32"), AbiType.Parse("bytes32") };
        await owner.Registry.CommitAsync(Keccak.Hash(AbiEncoder.Encode(types, [chain.Wallet.GetAccount(4).Address, new BigInteger(model), content, salt])));
        await chain.RegisterAsync(model, 5, content);
        await owner.Registry.RevealAsync(model, new Entry(content, Kind.Data, 0, "ipfs://c"), salt);
        await chain.WaitForIndexAsync();

        var contributions = await chain.ContributionsAsync(model);
        var copy = Assert.Single(contributions, c => c.Status == "superseded");
        Assert.Equal(chain.Wallet.GetAccount(5).Address.ToString().ToLowerInvariant(), copy.Contributor);
        // The report credits the copier's registration (as it stood before the reveal) instead of the revealer's.
        var credited = contributions.Where(c => c.Id != copy.Id).Append(copy with { Status = "active" }).ToList();
        var report = ReportJson.Build(model, 1, credited, _ => 1.0, 10 * EpochChain.Ether, 1_000);
        await AssertRejectedAsync(model, report, "contributions[2].contributor", "superseded");
    }

    [Fact]
    public async Task Epoch_that_is_not_the_next_one_is_rejected()
    {
        var (model, report) = await HonestReportAsync();
        report["epoch"] = 2;
        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains($"must be 1, the next epoch of model {model}", problem["errors"]!["epoch"]![0]!.GetValue<string>());
        Assert.Equal(BigInteger.Zero, await chain.LastEpochAsync(model));
    }

    [Fact]
    public async Task Report_for_an_epoch_without_a_sealed_evaluation_set_is_rejected_by_its_test_set_hash_until_the_owner_seals_it()
    {
        var model = await chain.NewModelAsync([2, 3], 100 * EpochChain.Ether, sealEpochOne: false);
        var report = ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1.0, 10 * EpochChain.Ether, 1_000);
        var hash = ReportJson.TestSetHash(model, 1);
        await AssertRejectedAsync(model, report, "evaluation.testSetHash",
            $"model {model} has no evaluation set committed for epoch 1 (indexed up to block ");
        await AssertRejectedAsync(model, report, "evaluation.testSetHash", $"its owner must seal the test set hash {hash} on chain");

        // Sealed, the very same report goes through: the missing commitment was its only fault.
        await chain.SealAsync(model, 1);
        await chain.WaitForIndexAsync();
        using var response = await chain.PostReportAsync(ReportJson.Bytes(report));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Test_set_hash_other_than_the_sealed_one_is_rejected_naming_both_hashes()
    {
        var (model, report) = await HonestReportAsync();
        var chosenLater = Keccak.Hash("a test set picked after seeing the contributions");
        report["evaluation"]!["testSetHash"] = chosenLater.ToString();
        var problem = await AssertRejectedAsync(model, report, "evaluation.testSetHash",
            $"{chosenLater} is not the test set committed on chain for model {model} epoch 1: the commitment is {ReportJson.TestSetHash(model, 1)} (block ");
        Assert.Single(problem["errors"]!.AsObject()); // nothing else in the report is at fault
    }

    [Fact]
    public async Task Neighbour_credit_cohort_boundaries_must_be_the_blocks_of_the_models_earlier_postings()
    {
        var (model, scores) = await HonestReportAsync();
        // Epoch 1: no earlier posting, so no boundary; one invented is refused.
        await AssertRejectedAsync(model, ReportJson.NeighbourCredit(scores, [5]), "attribution.parameters.cohortBoundaries",
            $"must be the blocks at which model {model}'s epochs before 1 were posted, [], but is [5]");
        using (var first = await chain.PostReportAsync(ReportJson.Bytes(ReportJson.NeighbourCredit(scores, []))))
            Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        await chain.WaitForIndexAsync();
        var posted = (ulong)(await chain.Service<OpenLedger.Indexer.Store.IIndexReader>().GetEpochAsync(model, 1, CancellationToken.None))!.PostedBlock;

        // Epoch 2: a report leaving epoch 1's posting out would let data copied from its published items pass as earlier.
        await chain.SealAsync(model, 2);
        await chain.WaitForIndexAsync();
        var second = ReportJson.Build(model, 2, await chain.ContributionsAsync(model), _ => 1.0, EpochChain.Ether, 1_000);
        using (var missing = await chain.PostReportAsync(ReportJson.Bytes(ReportJson.NeighbourCredit(second, []))))
        {
            var text = await missing.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
            Assert.Contains($"must be the blocks at which model {model}'s epochs before 2 were posted, [{posted}], but is []",
                JsonNode.Parse(text)!["errors"]!["attribution.parameters.cohortBoundaries"]![0]!.GetValue<string>());
        }
        Assert.Equal(BigInteger.One, await chain.LastEpochAsync(model));
        using var right = await chain.PostReportAsync(ReportJson.Bytes(ReportJson.NeighbourCredit(second, [posted])));
        Assert.True(right.StatusCode == HttpStatusCode.Created, await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Budget_above_the_reward_pool_on_chain_is_rejected()
    {
        var (model, report) = await HonestReportAsync(pool: 5 * EpochChain.Ether);
        await AssertRejectedAsync(model, report, "rewards.open", $"exceeds model {model}'s reward pool {5 * EpochChain.Ether} on chain");
    }

    [Fact]
    public async Task Report_failing_the_schema_is_rejected_with_the_parsers_field_paths()
    {
        var (model, report) = await HonestReportAsync();
        report["rewards"]!["open"] = "-5";
        await AssertRejectedAsync(model, report, "rewards.open", "must not be negative");
    }

    [Fact]
    public async Task Bytes_that_are_not_json_are_rejected()
    {
        using var response = await chain.PostReportAsync("not json"u8.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("is not valid JSON", await response.Content.ReadAsStringAsync());
    }
}
