using System.Net;
using OpenLedger.Node.Tests.Relay.Support;

namespace OpenLedger.Node.Tests.Relay;

/// <summary>
/// A standby indexer holds the same relayer key as the leader: it refuses registrations (503, saying why) until it
/// takes the leader lease, so one key never has two senders racing for its nonces; then it relays.
/// </summary>
[Collection(RelayChainCollection.Name)]
public sealed class RelayStandbyTests(RelayChain chain)
{
    [Fact]
    public async Task A_standby_refuses_registrations_until_it_takes_the_lease_and_then_relays_them()
    {
        var model = await chain.NewModelAsync();
        var database = chain.Directory.File("shared-index.db");
        var leader = chain.Node(other: new Dictionary<string, string> { ["Indexer:DatabasePath"] = database });
        try
        {
            using var leaderClient = leader.CreateClient();
            await using var standby = chain.Node(other: new Dictionary<string, string>
            {
                ["Indexer:DatabasePath"] = database, ["Indexer:Standby"] = "true", ["Node:Role"] = "indexer",
            });
            using var standbyClient = standby.CreateClient();
            var body = await chain.SignedBodyAsync(await chain.BondedContributorAsync(7), model);

            var (status, problem) = await RelayChain.PostAsync(standbyClient, body);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("This node is not the leader", problem!["title"]!.GetValue<string>());
            Assert.StartsWith("this indexer is a standby", problem["detail"]!.GetValue<string>());
            Assert.EndsWith("; send registrations to the leader", problem["detail"]!.GetValue<string>());

            await leader.DisposeAsync();
            for (var i = 0; i < 400 && ((status, problem) = await RelayChain.PostAsync(standbyClient, body)).status == HttpStatusCode.ServiceUnavailable; i++)
                await Task.Delay(50);
            Assert.True(status == HttpStatusCode.OK, problem?.ToJsonString());
        }
        finally
        {
            await leader.DisposeAsync();
        }
    }
}
