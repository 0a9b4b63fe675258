using OpenLedger.Contracts.Distributor;
using OpenLedger.Contracts.Registry;
using OpenLedger.Contracts.Shares;
using OpenLedger.Contracts.Token;

namespace OpenLedger.Contracts.Client;

/// <summary>The four deployed contracts as typed services.</summary>
public sealed record OpenLedgerServices(
    OpenTokenService Token,
    ContributionRegistryService Registry,
    ModelSharesService Shares,
    RewardDistributorService Distributor);
