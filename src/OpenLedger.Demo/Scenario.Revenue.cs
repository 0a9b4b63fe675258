using System.Globalization;
using System.Numerics;

namespace OpenLedger.Demo;

public sealed partial class Scenario
{
    private async Task PayRevenueAsync(BigInteger amount, string why)
    {
        narrator.Chapter($"A user pays {amount} OPEN to use the model ({why})");
        var model = BigInteger.Parse(_modelId, CultureInfo.InvariantCulture);
        await openledger.RunAsync(["revenue", "deposit", "--model", _modelId, "--amount", amount.ToString(CultureInfo.InvariantCulture), .. cast.User.Signer]);
        narrator.Say($"reward pool of model {_modelId}: {Format(await chain.Read.Distributor.RewardPoolAsync(model))} OPEN");
    }

    private async Task WithdrawRevenueAsync()
    {
        narrator.Chapter("Share holders withdraw their cut of the new revenue");
        var model = BigInteger.Parse(_modelId, CultureInfo.InvariantCulture);
        foreach (var person in cast.Contributors)
        {
            var withdrawable = await chain.Read.Shares.WithdrawableRevenueAsync(model, person.Address);
            if (withdrawable.IsZero)
            {
                await openledger.RunRefusedAsync(["revenue", "withdraw", "--model", _modelId, .. person.Signer]);
                narrator.Say($"{person.Name} holds no shares of model {_modelId}: no revenue");
            }
            else await openledger.RunAsync(["revenue", "withdraw", "--model", _modelId, .. person.Signer]);
        }
        await chain.WaitForIndexAsync();
    }
}
