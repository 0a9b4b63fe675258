using System.Net;
using OpenLedger.Ethereum.Primitives;
using OpenLedger.Node.Tests.Epochs.Support;

namespace OpenLedger.Node.Tests.Epochs;

[Collection(EpochChainCollection.Name)]
public sealed class SecretsInLogsTests(EpochChain chain)
{
    [Fact]
    public async Task Neither_the_keystore_password_nor_the_reporter_key_nor_the_api_token_is_ever_logged()
    {
        // Post an epoch (the keystore is opened and the key signs) and have one report rejected, so every path logs.
        var model = await chain.NewModelAsync([2, 3], 10 * EpochChain.Ether);
        var report = ReportJson.Build(model, 1, await chain.ContributionsAsync(model), _ => 1.0, EpochChain.Ether, 1);
        using (var posted = await chain.PostReportAsync(ReportJson.Bytes(report))) Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        report["epoch"] = 5;
        using (var rejected = await chain.PostReportAsync(ReportJson.Bytes(report))) Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        using (var forbidden = await chain.PostReportAsync(ReportJson.Bytes(report), "guess")) Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var lines = chain.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains($"as model {model} epoch 1"));
        var key = Hex.Encode(chain.Reporter.Key.PrivateKey);
        string[] secrets = [EpochChain.Password, key, key[2..], key[2..].ToUpperInvariant(), EpochChain.Token];
        foreach (var secret in secrets)
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.OrdinalIgnoreCase));
    }
}
