using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Cli.Infrastructure;

/// <summary>What to do about each of our custom errors, phrased for the person at the terminal.</summary>
public static class RevertHints
{
    public static string? For(ContractRevertException revert)
    {
        if (revert.Error is null) return null;
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < revert.Error.Inputs.Count && i < revert.Arguments.Count; i++)
            args[revert.Error.Inputs[i].Name] = Format(revert.Arguments[i]);
        string A(string name) => args.TryGetValue(name, out var v) ? v : "?";
        string When(string name) => args.TryGetValue(name, out var v) && System.Numerics.BigInteger.TryParse(v, out var unix) ? ChainTime.Describe(unix) : "?";
        return revert.Error.Name switch
        {
            "RegistryDuplicateContent" => $"this content is already registered as {A("existingId")}",
            "RegistryUnknownModel" => $"model {A("modelId")} does not exist; list models with the node API /models",
            "RegistryUnknownContribution" => $"model {A("modelId")} holds no contribution with content hash {A("contentHash")}",
            "RegistryNotModelOwner" => $"only the owner of model {A("modelId")} may do this; {A("caller")} is not it",
            "RegistryNotValidator" => $"{A("caller")} is not a validator of model {A("modelId")}: the owner adds one with validator add",
            "RegistryInvalidPolicy" => "owner and pool basis points must add up to at most 10000",
            "RegistryBondTooLow" => $"the model asks for a bond of at least {A("minBond")} wei",
            "RegistryBondNotStorable" => "a bond must be a whole number of gwei (at most 9 decimals of OPEN)",
            "RegistryCommitRevealRequired" => "this model requires commit-reveal: pass --commit-reveal",
            "RegistryCommitmentTooRecent" => "the reveal must come at least one block after the commit; try again",
            "RegistryReclaimWindowClosed" => $"the commitment is more than a day old (it could take content back until {A("closedAt")}, unix time), so {A("id")} stays with its holder",
            "RegistrySignatureExpired" => "the signed registration's deadline has passed: sign again",
            "RegistryInvalidSignature" => "the signature does not recover to the contributor: sign again with the contributor's wallet",
            "RegistryWrongStatus" => $"contribution {A("id")} is not in a status that allows this",
            "RegistryDisputeWindowOpen" => $"the flag's dispute window is still open until {When("endsAt")}",
            "RegistryDisputeWindowClosed" => "the flag's dispute window has already ended",
            "RegistryBondLocked" => $"the bond is locked until {When("unlocksAt")}",
            "RegistryNotContributor" => $"only the contributor of {A("id")} may withdraw its bond",
            "RegistryNoBond" => $"contribution {A("id")} has no bond left to withdraw",
            "DistributorChallengeWindowOpen" => $"epoch {A("epoch")} is still in its challenge window until {When("endsAt")}",
            "DistributorChallengeWindowClosed" => $"epoch {A("epoch")}'s challenge window has ended; it can no longer be vetoed",
            "DistributorNotVetoer" => "only the model owner or a guardian may veto an epoch",
            "DistributorAlreadyClaimed" => $"leaf {A("index")} of epoch {A("epoch")} was already claimed",
            "DistributorInvalidProof" => $"the proof for epoch {A("epoch")} does not match the posted root: the node's distribution differs",
            "DistributorEpochVetoed" => $"epoch {A("epoch")} was vetoed and pays nothing",
            "DistributorUnknownEpoch" => $"model {A("modelId")} has no epoch {A("epoch")} posted",
            "DistributorNotModelOwner" => $"only the owner of model {A("modelId")} may seal its evaluation set; {A("caller")} is not it",
            "DistributorEvaluationEpochNotNext" => $"an evaluation set can be sealed only for model {A("modelId")}'s next epoch, {A("expected")}",
            "DistributorEvaluationAlreadyCommitted" => $"epoch {A("epoch")} already has the sealed evaluation set {A("testSetHash")}",
            "DistributorEvaluationSetReused" => $"this test set was sealed for epoch {A("committedForEpoch")} and revealed with its report: hold out a fresh one",
            "DistributorZeroTestSetHash" => "the test set hash must not be zero",
            "DistributorEvaluationNotCommitted" => $"the model owner must seal epoch {A("epoch")}'s test set first: openledger evaluation commit",
            "SharesNothingToWithdraw" => $"{A("account")} has no revenue to withdraw for model {A("modelId")}",
            "ERC20InsufficientBalance" => $"{A("sender")} holds {A("balance")} wei of OPEN but {A("needed")} are needed",
            "ERC20InsufficientAllowance" => $"the allowance is {A("allowance")} wei of OPEN but {A("needed")} are needed",
            _ => null,
        };
    }

    private static string Format(object? value) => value switch
    {
        byte[] bytes => OpenLedger.Ethereum.Primitives.Hex.Encode(bytes),
        null => "null",
        _ => value.ToString() ?? "",
    };
}
