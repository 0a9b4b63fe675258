using System.Numerics;
using OpenLedger.Contracts.Binding;
using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Token;
using OpenLedger.Ethereum.Abi;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Contracts.Tests.Bindings;

public sealed class ErrorBindingTests
{
    private static readonly Address Alice = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    private static readonly Hash32 Content = Keccak.Hash("dataset-v1");

    [Fact]
    public void Registry_error_encoded_by_ethers_decodes_into_the_typed_error()
    {
        var id = Keccak.Hash("existing");
        var data = Ethers.Error([Ethers.Registry], "RegistryDuplicateContent", "9", Content.ToString(), id.ToString());
        var revert = OpenLedgerContracts.RevertDecoder.Decode(data);
        Assert.Equal("RegistryDuplicateContent", revert.ErrorName);
        Assert.True(revert.TryGetError<RegistryDuplicateContentError>(out var error));
        Assert.Equal(new RegistryDuplicateContentError(9, Content, id), error);
        Assert.Contains("RegistryDuplicateContent(modelId=9", revert.Message);
    }

    [Fact]
    public void OpenZeppelin_errors_the_contracts_inherit_decode_into_typed_errors()
    {
        var balance = OpenLedgerContracts.RevertDecoder.Decode(Ethers.Error([Ethers.Token], "ERC20InsufficientBalance", Alice.ToString(), "5", "6"));
        Assert.True(balance.TryGetError<ERC20InsufficientBalanceError>(out var e1));
        Assert.Equal(new ERC20InsufficientBalanceError(Alice, 5, 6), e1);

        var role = Keccak.Hash("REPORTER_ROLE");
        var denied = OpenLedgerContracts.RevertDecoder.Decode(Ethers.Error([Ethers.Distributor, Ethers.AccessControl], "AccessControlUnauthorizedAccount", Alice.ToString(), role.ToString()));
        Assert.True(denied.TryGetError<AccessControlUnauthorizedAccountError>(out var e2));
        Assert.Equal(new AccessControlUnauthorizedAccountError(Alice, role), e2);

        var ecdsa = OpenLedgerContracts.RevertDecoder.Decode(Ethers.Error([Ethers.Token], "ECDSAInvalidSignatureLength", "64"));
        Assert.True(ecdsa.TryGetError<ECDSAInvalidSignatureLengthError>(out var e3));
        Assert.Equal((BigInteger)64, e3.Length);
    }

    [Fact]
    public void Distributor_error_with_a_uint64_argument_decodes_into_the_typed_error()
    {
        var data = Ethers.Error([Ethers.Distributor], "DistributorChallengeWindowOpen", "1", "2", "1700000000");
        var revert = OpenLedgerContracts.RevertDecoder.Decode(data);
        Assert.True(revert.TryGetError<DistributorChallengeWindowOpenError>(out var error));
        Assert.Equal(new DistributorChallengeWindowOpenError(1, 2, 1_700_000_000UL), error);
        Assert.False(revert.Is<DistributorEpochVetoedError>());
    }

    [Fact]
    public void Error_without_arguments_decodes_by_its_selector()
    {
        var revert = OpenLedgerContracts.RevertDecoder.Decode(RegistryEmptyBatchError.Descriptor.Selector.ToArray());
        Assert.True(revert.Is<RegistryEmptyBatchError>());
        Assert.True(revert.TryGetError<RegistryEmptyBatchError>(out _));
    }

    [Fact]
    public void Unknown_error_selector_keeps_the_raw_data()
    {
        var data = AbiError.Parse("error NotOurs(uint256 x)").Encode(1);
        var revert = OpenLedgerContracts.RevertDecoder.Decode(data);
        Assert.Null(revert.Error);
        Assert.Equal(data, revert.RawData);
        Assert.Contains("unknown error", revert.Message);
        Assert.False(revert.TryGetError<RegistryEmptyBatchError>(out _));
    }

    [Fact]
    public void Known_selector_with_truncated_arguments_keeps_the_raw_data()
    {
        var data = RegistryUnknownModelError.Descriptor.Selector.ToArray().Concat(new byte[10]).ToArray();
        var revert = OpenLedgerContracts.RevertDecoder.Decode(data);
        Assert.Null(revert.Error);
        Assert.Equal(data, revert.RawData);
        Assert.Contains("RegistryUnknownModel(uint256)", revert.Message);
    }

    [Fact]
    public void Errors_shared_by_several_contracts_are_registered_once()
    {
        Assert.Single(OpenLedgerContracts.Errors, e => e.Name == "OwnableUnauthorizedAccount");
        Assert.Equal(OpenLedgerContracts.Errors.Count, OpenLedgerContracts.Errors.Select(e => e.Selector).Distinct().Count());
    }
}
