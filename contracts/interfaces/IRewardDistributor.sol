// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title The public surface of the reward distributor: per-model reward pools, epochs, claims.
/// @notice Epoch leaves follow OpenZeppelin's StandardMerkleTree with leaf types
/// (uint256 index, address account, uint256 openAmount, uint256 shareAmount):
/// leaf = keccak256(bytes.concat(keccak256(abi.encode(index, account, openAmount, shareAmount)))).
interface IRewardDistributor {
    /// @notice Where an epoch stands. Claimable is not stored: it is Posted after its challenge window.
    enum EpochStatus {
        None,
        Posted,
        Vetoed
    }

    /// @notice An epoch as posted. openRemaining and sharesRemaining fall as claims are paid.
    struct Epoch {
        bytes32 root;
        bytes32 reportHash;
        uint128 totalOpen;
        uint128 totalShares;
        uint128 openRemaining;
        uint128 sharesRemaining;
        uint64 challengeEndsAt;
        EpochStatus status;
    }

    /// @notice A model's sealed evaluation set for an epoch: the hash of the test rows, and the block it was committed in.
    struct EvaluationCommitment {
        bytes32 testSetHash;
        uint64 committedAtBlock;
    }

    /// @notice One claim of a batch.
    struct Claim {
        uint256 modelId;
        uint256 epoch;
        uint256 index;
        address account;
        uint256 openAmount;
        uint256 shareAmount;
        bytes32[] proof;
    }

    /// @notice Emitted when OPEN is added to a model's reward pool (revenue, slashed bonds, sponsors).
    event RewardPoolFunded(uint256 indexed modelId, address indexed from, uint256 amount);
    /// @notice Emitted when the reporter posts an epoch; its OPEN is reserved from the pool at once.
    event EpochPosted(
        uint256 indexed modelId,
        uint256 indexed epoch,
        bytes32 root,
        uint256 totalOpen,
        uint256 totalShares,
        bytes32 reportHash,
        string reportURI,
        uint64 challengeEndsAt
    );
    /// @notice Emitted when the model owner or a guardian vetoes an epoch; its reserve returns to the pool.
    event EpochVetoed(uint256 indexed modelId, uint256 indexed epoch, address indexed by, string reason);
    /// @notice Emitted for every paid claim.
    event Claimed(
        uint256 indexed modelId,
        uint256 indexed epoch,
        address indexed account,
        uint256 index,
        uint256 openAmount,
        uint256 shareAmount
    );
    /// @notice Emitted when the admin changes the challenge window for epochs posted from now on.
    event ChallengeWindowUpdated(uint64 challengeWindow);
    /// @notice Emitted when a model owner seals the evaluation set of its next epoch; the rows come with the report.
    event EvaluationSetCommitted(uint256 indexed modelId, uint256 indexed epoch, bytes32 testSetHash);

    /// @notice Thrown when a model id does not exist in the registry.
    error DistributorUnknownModel(uint256 modelId);
    /// @notice Thrown when an epoch is posted out of order (epochs start at 1; a vetoed epoch may be posted again).
    error DistributorEpochOutOfOrder(uint256 modelId, uint256 epoch, uint256 expected);
    /// @notice Thrown when an epoch's OPEN exceeds what the model's reward pool holds.
    error DistributorInsufficientPool(uint256 modelId, uint256 requested, uint256 available);
    /// @notice Thrown when an epoch's root is zero or its totals do not fit 128 bits.
    error DistributorInvalidEpoch(uint256 modelId, uint256 epoch);
    /// @notice Thrown when an epoch does not exist.
    error DistributorUnknownEpoch(uint256 modelId, uint256 epoch);
    /// @notice Thrown when the caller may not veto (neither the model owner nor a guardian).
    error DistributorNotVetoer(uint256 modelId, address caller);
    /// @notice Thrown when a veto comes after the challenge window.
    error DistributorChallengeWindowClosed(uint256 modelId, uint256 epoch, uint64 endedAt);
    /// @notice Thrown when a claim comes before the challenge window has ended.
    error DistributorChallengeWindowOpen(uint256 modelId, uint256 epoch, uint64 endsAt);
    /// @notice Thrown when claiming from, or vetoing, a vetoed epoch.
    error DistributorEpochVetoed(uint256 modelId, uint256 epoch);
    /// @notice Thrown when a leaf was already claimed.
    error DistributorAlreadyClaimed(uint256 modelId, uint256 epoch, uint256 index);
    /// @notice Thrown when the proof does not lead to the epoch's root.
    error DistributorInvalidProof(uint256 modelId, uint256 epoch, uint256 index);
    /// @notice Thrown when a claim would pay more than the epoch has left (a faulty tree).
    error DistributorEpochExhausted(uint256 modelId, uint256 epoch);
    /// @notice Thrown when an amount of zero is funded.
    error DistributorZeroAmount();
    /// @notice Thrown when someone other than the model's owner commits its evaluation set.
    error DistributorNotModelOwner(uint256 modelId, address caller);
    /// @notice Thrown when an evaluation set is committed for another epoch than the model's next one.
    error DistributorEvaluationEpochNotNext(uint256 modelId, uint256 epoch, uint256 expected);
    /// @notice Thrown when an epoch's evaluation set is committed a second time.
    error DistributorEvaluationAlreadyCommitted(uint256 modelId, uint256 epoch, bytes32 testSetHash);
    /// @notice Thrown when the committed test set hash is zero.
    error DistributorZeroTestSetHash(uint256 modelId, uint256 epoch);
    /// @notice Thrown when a model commits a test set it already committed for an earlier epoch: once revealed, never sealed again.
    error DistributorEvaluationSetReused(uint256 modelId, bytes32 testSetHash, uint256 committedForEpoch);
    /// @notice Thrown when an epoch is posted before its evaluation set was committed.
    error DistributorEvaluationNotCommitted(uint256 modelId, uint256 epoch);

    /// @notice Pulls `amount` OPEN from the caller into `modelId`'s reward pool. Anyone.
    function fundRewardPool(uint256 modelId, uint256 amount) external;
    /// @notice Seals the evaluation set of the next epoch of `modelId` (last posted + 1): the keccak-256 of its test rows.
    /// Only the model's owner, once per epoch, never with a hash the model committed before.
    function commitEvaluationSet(uint256 modelId, uint256 epoch, bytes32 testSetHash) external;
    /// @notice Posts epoch `epoch` of `modelId`. Only the reporter role, and only once its evaluation set is committed.
    function postEpoch(
        uint256 modelId,
        uint256 epoch,
        bytes32 root,
        uint256 totalOpen,
        uint256 totalShares,
        bytes32 reportHash,
        string calldata reportURI
    ) external;
    /// @notice Vetoes an epoch inside its challenge window. The model owner or the guardian role.
    function vetoEpoch(uint256 modelId, uint256 epoch, string calldata reason) external;
    /// @notice Pays a leaf: OPEN to `account` and newly minted shares. Anyone may submit it; funds go to `account`.
    function claim(
        uint256 modelId,
        uint256 epoch,
        uint256 index,
        address account,
        uint256 openAmount,
        uint256 shareAmount,
        bytes32[] calldata proof
    ) external;
    /// @notice Pays several leaves, across epochs and models.
    function claimBatch(Claim[] calldata claims) external;
    /// @notice Sets the challenge window for epochs posted from now on. Only the admin.
    function setChallengeWindow(uint64 challengeWindow) external;

    /// @notice Whether leaf `index` of the epoch was claimed.
    function isClaimed(uint256 modelId, uint256 epoch, uint256 index) external view returns (bool);
    /// @notice The epoch as posted; all zero when it does not exist.
    function epoch(uint256 modelId, uint256 epoch) external view returns (Epoch memory);
    /// @notice The evaluation set committed for the epoch; all zero when none was.
    function evaluationCommitment(uint256 modelId, uint256 epoch) external view returns (EvaluationCommitment memory);
    /// @notice The last epoch number posted for `modelId` (0 before the first).
    function lastEpoch(uint256 modelId) external view returns (uint256);
    /// @notice OPEN in `modelId`'s reward pool not yet reserved by an epoch.
    function rewardPool(uint256 modelId) external view returns (uint256);
    /// @notice The current challenge window in seconds.
    function challengeWindow() external view returns (uint64);
}
