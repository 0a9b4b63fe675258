// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IRewardDistributor} from "./interfaces/IRewardDistributor.sol";
import {IContributionRegistry} from "./interfaces/IContributionRegistry.sol";
import {IModelShares} from "./interfaces/IModelShares.sol";

/// @title Per-model reward pools and epochs: the reporter posts a Merkle root of (OPEN, shares) per contributor,
/// the model owner or a guardian may veto it during the challenge window, then contributors claim with proofs.
/// @notice An epoch's OPEN is reserved from the pool when it is posted, and every claim is checked against what
/// the epoch has left, so a faulty tree can never pay more than was posted.
contract RewardDistributor is AccessControl, IRewardDistributor {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @notice The role that posts epochs (the node's epoch submitter).
    bytes32 public constant REPORTER_ROLE = keccak256("REPORTER_ROLE");
    /// @notice The role that may veto any model's epoch inside its challenge window.
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    IERC20 private immutable TOKEN;
    IContributionRegistry private immutable REGISTRY;
    IModelShares private immutable SHARES;
    uint64 private _challengeWindow;

    mapping(uint256 modelId => uint256) private _rewardPool;
    mapping(uint256 modelId => uint256) private _lastEpoch;
    mapping(uint256 modelId => mapping(uint256 epoch => Epoch)) private _epochs;
    mapping(uint256 modelId => mapping(uint256 epoch => EvaluationCommitment)) private _evaluations;
    /// @dev The epoch each test set hash was committed for, so a revealed set is never sealed again.
    mapping(uint256 modelId => mapping(bytes32 testSetHash => uint256 epoch)) private _sealedSets;
    /// @dev Claimed leaves, 256 per word: bit (index % 256) of word (index / 256).
    mapping(uint256 modelId => mapping(uint256 epoch => mapping(uint256 word => uint256))) private _claimed;

    /// @param token OPEN, the token rewards are paid in
    /// @param registry the contribution registry that knows models and their owners
    /// @param shares the model shares this contract mints to claimants
    /// @param admin holds DEFAULT_ADMIN_ROLE: grants the reporter and guardian roles, sets the challenge window
    /// @param challengeWindow_ seconds after posting during which an epoch can be vetoed and not claimed
    constructor(
        IERC20 token,
        IContributionRegistry registry,
        IModelShares shares,
        address admin,
        uint64 challengeWindow_
    ) {
        TOKEN = token;
        REGISTRY = registry;
        SHARES = shares;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _challengeWindow = challengeWindow_;
        emit ChallengeWindowUpdated(challengeWindow_);
    }

    /// @inheritdoc IRewardDistributor
    function fundRewardPool(uint256 modelId, uint256 amount) external {
        if (amount == 0) revert DistributorZeroAmount();
        if (REGISTRY.modelOwner(modelId) == address(0)) revert DistributorUnknownModel(modelId);
        _rewardPool[modelId] += amount;
        emit RewardPoolFunded(modelId, msg.sender, amount);
        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @inheritdoc IRewardDistributor
    function commitEvaluationSet(uint256 modelId, uint256 epochNumber, bytes32 testSetHash) external {
        if (testSetHash == bytes32(0)) revert DistributorZeroTestSetHash(modelId, epochNumber);
        address owner = REGISTRY.modelOwner(modelId);
        if (owner == address(0)) revert DistributorUnknownModel(modelId);
        if (msg.sender != owner) revert DistributorNotModelOwner(modelId, msg.sender);
        // A posted epoch's report has revealed what it was evaluated on, so sealing it now would seal nothing; only the
        // next epoch, so epoch numbers stay counters (the indexer keeps them in 64 bits).
        uint256 next = _lastEpoch[modelId] + 1;
        if (epochNumber != next) revert DistributorEvaluationEpochNotNext(modelId, epochNumber, next);
        bytes32 committed = _evaluations[modelId][epochNumber].testSetHash;
        if (committed != bytes32(0)) revert DistributorEvaluationAlreadyCommitted(modelId, epochNumber, committed);
        uint256 sealedFor = _sealedSets[modelId][testSetHash];
        if (sealedFor != 0) revert DistributorEvaluationSetReused(modelId, testSetHash, sealedFor);

        _evaluations[modelId][epochNumber] = EvaluationCommitment({
            testSetHash: testSetHash,
            committedAtBlock: block.number.toUint64()
        });
        _sealedSets[modelId][testSetHash] = epochNumber;
        emit EvaluationSetCommitted(modelId, epochNumber, testSetHash);
    }

    /// @inheritdoc IRewardDistributor
    function postEpoch(
        uint256 modelId,
        uint256 epochNumber,
        bytes32 root,
        uint256 totalOpen,
        uint256 totalShares,
        bytes32 reportHash,
        string calldata reportURI
    ) external onlyRole(REPORTER_ROLE) {
        if (REGISTRY.modelOwner(modelId) == address(0)) revert DistributorUnknownModel(modelId);
        uint256 last = _lastEpoch[modelId];
        bool repostsVetoed = epochNumber == last && last != 0 && _epochs[modelId][last].status == EpochStatus.Vetoed;
        if (epochNumber != last + 1 && !repostsVetoed) revert DistributorEpochOutOfOrder(modelId, epochNumber, last + 1);
        if (_evaluations[modelId][epochNumber].testSetHash == bytes32(0)) {
            revert DistributorEvaluationNotCommitted(modelId, epochNumber);
        }
        if (root == bytes32(0) || totalOpen > type(uint128).max || totalShares > type(uint128).max) {
            revert DistributorInvalidEpoch(modelId, epochNumber);
        }
        uint256 available = _rewardPool[modelId];
        if (totalOpen > available) revert DistributorInsufficientPool(modelId, totalOpen, available);

        // Cannot underflow: totalOpen <= available was checked above.
        unchecked {
            _rewardPool[modelId] = available - totalOpen;
        }
        _lastEpoch[modelId] = epochNumber;
        uint64 challengeEndsAt = (block.timestamp + _challengeWindow).toUint64();
        _epochs[modelId][epochNumber] = Epoch({
            root: root,
            reportHash: reportHash,
            totalOpen: uint128(totalOpen),
            totalShares: uint128(totalShares),
            openRemaining: uint128(totalOpen),
            sharesRemaining: uint128(totalShares),
            challengeEndsAt: challengeEndsAt,
            status: EpochStatus.Posted
        });
        emit EpochPosted(modelId, epochNumber, root, totalOpen, totalShares, reportHash, reportURI, challengeEndsAt);
    }

    /// @inheritdoc IRewardDistributor
    function vetoEpoch(uint256 modelId, uint256 epochNumber, string calldata reason) external {
        Epoch storage posted = _epochs[modelId][epochNumber];
        EpochStatus status = posted.status;
        if (status == EpochStatus.None) revert DistributorUnknownEpoch(modelId, epochNumber);
        if (msg.sender != REGISTRY.modelOwner(modelId) && !hasRole(GUARDIAN_ROLE, msg.sender)) {
            revert DistributorNotVetoer(modelId, msg.sender);
        }
        if (status == EpochStatus.Vetoed) revert DistributorEpochVetoed(modelId, epochNumber);
        uint64 endsAt = posted.challengeEndsAt;
        if (block.timestamp >= endsAt) revert DistributorChallengeWindowClosed(modelId, epochNumber, endsAt);

        posted.status = EpochStatus.Vetoed;
        // Claims open only after the window, so the whole reserve is still there.
        _rewardPool[modelId] += posted.openRemaining;
        emit EpochVetoed(modelId, epochNumber, msg.sender, reason);
    }

    /// @inheritdoc IRewardDistributor
    function claim(
        uint256 modelId,
        uint256 epochNumber,
        uint256 index,
        address account,
        uint256 openAmount,
        uint256 shareAmount,
        bytes32[] calldata proof
    ) external {
        _claim(modelId, epochNumber, index, account, openAmount, shareAmount, proof);
    }

    /// @inheritdoc IRewardDistributor
    function claimBatch(Claim[] calldata claims) external {
        for (uint256 i = 0; i < claims.length; ++i) {
            Claim calldata c = claims[i];
            _claim(c.modelId, c.epoch, c.index, c.account, c.openAmount, c.shareAmount, c.proof);
        }
    }

    /// @inheritdoc IRewardDistributor
    function setChallengeWindow(uint64 challengeWindow_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _challengeWindow = challengeWindow_;
        emit ChallengeWindowUpdated(challengeWindow_);
    }

    /// @inheritdoc IRewardDistributor
    function isClaimed(uint256 modelId, uint256 epochNumber, uint256 index) external view returns (bool) {
        return _claimed[modelId][epochNumber][index >> 8] & (1 << (index & 0xff)) != 0;
    }

    /// @inheritdoc IRewardDistributor
    function epoch(uint256 modelId, uint256 epochNumber) external view returns (Epoch memory) {
        return _epochs[modelId][epochNumber];
    }

    /// @inheritdoc IRewardDistributor
    function evaluationCommitment(uint256 modelId, uint256 epochNumber) external view returns (EvaluationCommitment memory) {
        return _evaluations[modelId][epochNumber];
    }

    /// @inheritdoc IRewardDistributor
    function lastEpoch(uint256 modelId) external view returns (uint256) {
        return _lastEpoch[modelId];
    }

    /// @inheritdoc IRewardDistributor
    function rewardPool(uint256 modelId) external view returns (uint256) {
        return _rewardPool[modelId];
    }

    /// @inheritdoc IRewardDistributor
    function challengeWindow() external view returns (uint64) {
        return _challengeWindow;
    }

    /// @dev Checks a leaf against its epoch, marks it claimed, then pays OPEN and mints shares to `account`.
    /// State and event come before the two external calls, so a share receiver calling back finds the leaf claimed.
    function _claim(
        uint256 modelId,
        uint256 epochNumber,
        uint256 index,
        address account,
        uint256 openAmount,
        uint256 shareAmount,
        bytes32[] calldata proof
    ) private {
        Epoch storage posted = _claimableEpoch(modelId, epochNumber);
        _setClaimed(modelId, epochNumber, index);
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(index, account, openAmount, shareAmount))));
        if (!MerkleProof.verifyCalldata(proof, posted.root, leaf)) {
            revert DistributorInvalidProof(modelId, epochNumber, index);
        }
        _consume(posted, modelId, epochNumber, openAmount, shareAmount);
        emit Claimed(modelId, epochNumber, account, index, openAmount, shareAmount);

        if (openAmount != 0) TOKEN.safeTransfer(account, openAmount);
        if (shareAmount != 0) SHARES.mint(account, modelId, shareAmount);
    }

    /// @dev The epoch, if it was posted, not vetoed, and its challenge window has ended.
    function _claimableEpoch(uint256 modelId, uint256 epochNumber) private view returns (Epoch storage posted) {
        posted = _epochs[modelId][epochNumber];
        EpochStatus status = posted.status;
        if (status != EpochStatus.Posted) {
            if (status == EpochStatus.None) revert DistributorUnknownEpoch(modelId, epochNumber);
            revert DistributorEpochVetoed(modelId, epochNumber);
        }
        uint64 endsAt = posted.challengeEndsAt;
        if (block.timestamp < endsAt) revert DistributorChallengeWindowOpen(modelId, epochNumber, endsAt);
    }

    /// @dev Sets the leaf's bit; reverts if it was set. A later failing check of the same claim undoes it.
    function _setClaimed(uint256 modelId, uint256 epochNumber, uint256 index) private {
        mapping(uint256 word => uint256) storage claimed = _claimed[modelId][epochNumber];
        uint256 wordIndex = index >> 8;
        uint256 word = claimed[wordIndex];
        uint256 bit = 1 << (index & 0xff);
        if (word & bit != 0) revert DistributorAlreadyClaimed(modelId, epochNumber, index);
        claimed[wordIndex] = word | bit;
    }

    /// @dev Takes a claim's amounts from what the epoch has left; reverts when the tree asks for more.
    function _consume(
        Epoch storage posted,
        uint256 modelId,
        uint256 epochNumber,
        uint256 openAmount,
        uint256 shareAmount
    ) private {
        uint256 openRemaining = posted.openRemaining;
        uint256 sharesRemaining = posted.sharesRemaining;
        if (openAmount > openRemaining || shareAmount > sharesRemaining) {
            revert DistributorEpochExhausted(modelId, epochNumber);
        }
        // Cannot underflow: both amounts were checked against what remains; the results fit where they came from.
        unchecked {
            posted.openRemaining = uint128(openRemaining - openAmount);
            posted.sharesRemaining = uint128(sharesRemaining - shareAmount);
        }
    }
}
