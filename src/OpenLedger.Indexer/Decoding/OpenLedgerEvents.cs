using OpenLedger.Ethereum.Abi;

namespace OpenLedger.Indexer.Decoding;

/// <summary>
/// Event descriptors of our contracts, built from the signatures in contracts/interfaces/I*.sol (and ERC-1155's
/// transfer events, which ModelShares inherits). Replaced by the typed bindings of OpenLedger.Contracts once they exist.
/// </summary>
internal static class OpenLedgerEvents
{
    private const string Policy = "(uint128 minBond, uint32 bondLock, uint32 disputeWindow, uint16 ownerBps, uint16 poolBps, bool commitReveal)";

    public static readonly AbiEvent ModelCreated = AbiEvent.Parse($"event ModelCreated(uint256 indexed modelId, address indexed owner, string metadataURI, {Policy} policy)");
    public static readonly AbiEvent ModelPolicyUpdated = AbiEvent.Parse($"event ModelPolicyUpdated(uint256 indexed modelId, {Policy} policy)");
    public static readonly AbiEvent ValidatorUpdated = AbiEvent.Parse("event ValidatorUpdated(uint256 indexed modelId, address indexed validator, bool allowed)");
    public static readonly AbiEvent Committed = AbiEvent.Parse("event Committed(bytes32 indexed commitment, address indexed committer, uint256 blockNumber)");
    public static readonly AbiEvent ContributionRegistered = AbiEvent.Parse(
        "event ContributionRegistered(bytes32 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, uint256 bond, string uri)");
    public static readonly AbiEvent ContributionsRegistered = AbiEvent.Parse(
        "event ContributionsRegistered(uint256 indexed modelId, address indexed contributor, (bytes32 contentHash, uint8 kind, uint256 bond, string uri)[] entries)");
    public static readonly AbiEvent ContributionFlagged = AbiEvent.Parse("event ContributionFlagged(bytes32 indexed id, address indexed validator, string reason)");
    public static readonly AbiEvent FlagDismissed = AbiEvent.Parse("event FlagDismissed(bytes32 indexed id, address indexed by)");
    public static readonly AbiEvent ContributionSlashed = AbiEvent.Parse("event ContributionSlashed(bytes32 indexed id, uint256 indexed modelId, uint256 amount)");
    public static readonly AbiEvent BondWithdrawn = AbiEvent.Parse("event BondWithdrawn(bytes32 indexed id, address indexed contributor, uint256 amount)");

    public static readonly AbiEvent RevenueDeposited = AbiEvent.Parse(
        "event RevenueDeposited(uint256 indexed modelId, address indexed depositor, uint256 amount, uint256 toOwner, uint256 toRewardPool, uint256 toHolders)");
    public static readonly AbiEvent PendingRevenueReleased = AbiEvent.Parse("event PendingRevenueReleased(uint256 indexed modelId, uint256 amount)");
    public static readonly AbiEvent RevenueWithdrawn = AbiEvent.Parse("event RevenueWithdrawn(uint256 indexed modelId, address indexed account, uint256 amount)");
    public static readonly AbiEvent TransferSingle = AbiEvent.Parse(
        "event TransferSingle(address indexed operator, address indexed from, address indexed to, uint256 id, uint256 value)");
    public static readonly AbiEvent TransferBatch = AbiEvent.Parse(
        "event TransferBatch(address indexed operator, address indexed from, address indexed to, uint256[] ids, uint256[] values)");

    public static readonly AbiEvent RewardPoolFunded = AbiEvent.Parse("event RewardPoolFunded(uint256 indexed modelId, address indexed from, uint256 amount)");
    public static readonly AbiEvent EpochPosted = AbiEvent.Parse(
        "event EpochPosted(uint256 indexed modelId, uint256 indexed epoch, bytes32 root, uint256 totalOpen, uint256 totalShares, bytes32 reportHash, string reportURI, uint64 challengeEndsAt)");
    public static readonly AbiEvent EpochVetoed = AbiEvent.Parse("event EpochVetoed(uint256 indexed modelId, uint256 indexed epoch, address indexed by, string reason)");
    public static readonly AbiEvent Claimed = AbiEvent.Parse(
        "event Claimed(uint256 indexed modelId, uint256 indexed epoch, address indexed account, uint256 index, uint256 openAmount, uint256 shareAmount)");
    public static readonly AbiEvent ChallengeWindowUpdated = AbiEvent.Parse("event ChallengeWindowUpdated(uint64 challengeWindow)");

    public static readonly IReadOnlyList<AbiEvent> Registry =
        [ModelCreated, ModelPolicyUpdated, ValidatorUpdated, Committed, ContributionRegistered, ContributionsRegistered,
         ContributionFlagged, FlagDismissed, ContributionSlashed, BondWithdrawn];

    public static readonly IReadOnlyList<AbiEvent> Shares = [RevenueDeposited, PendingRevenueReleased, RevenueWithdrawn, TransferSingle, TransferBatch];

    public static readonly IReadOnlyList<AbiEvent> Distributor = [RewardPoolFunded, EpochPosted, EpochVetoed, Claimed, ChallengeWindowUpdated];
}
