// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";

/// @title Models of the contribution registry: owners, policies and validators.
/// @dev The policy is kept flattened with an `exists` flag in one slot, so a registration learns that the model
/// exists, its minimum bond and whether it needs commit–reveal from a single storage read.
abstract contract RegistryModels is IContributionRegistry {
    /// @dev One slot: 128 + 8 + 8 + 32 + 32 + 16 + 16 = 240 bits.
    struct StoredPolicy {
        uint128 minBond;
        bool exists;
        bool commitReveal;
        uint32 bondLock;
        uint32 disputeWindow;
        uint16 ownerBps;
        uint16 poolBps;
    }

    uint256 private constant _MAX_BPS = 10_000;

    /// @notice The longest bondLock and disputeWindow a policy may set: a policy change applies to bonds already
    /// posted, so an unbounded lock would let a model owner freeze every contributor's bond.
    uint32 public constant MAX_POLICY_WINDOW = 365 days;

    uint256 private _modelCount;
    mapping(uint256 modelId => StoredPolicy) private _policies;
    /// @dev Kept out of StoredPolicy: only the node and the CLI read it, and every field in that slot is unpacked by each
    /// registration (one more measurably raised registerBatch's gas per item).
    mapping(uint256 modelId => uint16) private _minPrecisionBps;
    mapping(uint256 modelId => address) private _owners;
    mapping(uint256 modelId => mapping(address account => bool)) private _validators;

    /// @dev Reverts unless the caller owns `modelId` (and the model exists).
    modifier onlyModelOwner(uint256 modelId) {
        _checkModelOwner(modelId);
        _;
    }

    /// @inheritdoc IContributionRegistry
    function createModel(string calldata metadataURI, Policy calldata policy) external returns (uint256 modelId) {
        _validatePolicy(policy);
        // Cannot overflow: one model per transaction would need 2^256 transactions.
        unchecked {
            modelId = ++_modelCount;
        }
        _owners[modelId] = msg.sender;
        _storePolicy(modelId, policy);
        emit ModelCreated(modelId, msg.sender, metadataURI, policy);
    }

    /// @inheritdoc IContributionRegistry
    function setPolicy(uint256 modelId, Policy calldata policy) external onlyModelOwner(modelId) {
        _validatePolicy(policy);
        _storePolicy(modelId, policy);
        emit ModelPolicyUpdated(modelId, policy);
    }

    /// @inheritdoc IContributionRegistry
    function setValidator(uint256 modelId, address validator, bool allowed) external onlyModelOwner(modelId) {
        _validators[modelId][validator] = allowed;
        emit ValidatorUpdated(modelId, validator, allowed);
    }

    /// @inheritdoc IContributionRegistry
    function modelOwner(uint256 modelId) external view returns (address) {
        return _owners[modelId];
    }

    /// @inheritdoc IContributionRegistry
    function modelPolicy(uint256 modelId) external view returns (Policy memory) {
        StoredPolicy memory stored = _storedPolicy(modelId);
        return Policy({
            minBond: stored.minBond,
            bondLock: stored.bondLock,
            disputeWindow: stored.disputeWindow,
            ownerBps: stored.ownerBps,
            poolBps: stored.poolBps,
            commitReveal: stored.commitReveal,
            minPrecisionBps: _minPrecisionBps[modelId]
        });
    }

    /// @inheritdoc IContributionRegistry
    function modelCount() external view returns (uint256) {
        return _modelCount;
    }

    /// @inheritdoc IContributionRegistry
    function isValidator(uint256 modelId, address account) external view returns (bool) {
        return _validators[modelId][account];
    }

    /// @dev The stored policy of `modelId`; reverts with RegistryUnknownModel when it does not exist.
    function _storedPolicy(uint256 modelId) internal view returns (StoredPolicy memory stored) {
        stored = _policies[modelId];
        if (!stored.exists) revert RegistryUnknownModel(modelId);
    }

    /// @dev Reverts unless `msg.sender` validates `modelId`.
    function _checkValidator(uint256 modelId) internal view {
        if (!_validators[modelId][msg.sender]) revert RegistryNotValidator(modelId, msg.sender);
    }

    /// @dev Reverts with RegistryUnknownModel for a missing model, RegistryNotModelOwner for anyone but its owner.
    function _checkModelOwner(uint256 modelId) internal view {
        address owner = _owners[modelId];
        if (owner == address(0)) revert RegistryUnknownModel(modelId);
        if (owner != msg.sender) revert RegistryNotModelOwner(modelId, msg.sender);
    }

    /// @dev Reverts unless the basis points add up to at most 10,000, both windows are at most MAX_POLICY_WINDOW and
    /// the minimum precision is at most 10,000 basis points.
    function _validatePolicy(Policy calldata policy) private pure {
        if (uint256(policy.ownerBps) + policy.poolBps > _MAX_BPS) {
            revert RegistryInvalidPolicy(policy.ownerBps, policy.poolBps);
        }
        if (policy.bondLock > MAX_POLICY_WINDOW) revert RegistryPolicyWindowTooLong(policy.bondLock, MAX_POLICY_WINDOW);
        if (policy.disputeWindow > MAX_POLICY_WINDOW) {
            revert RegistryPolicyWindowTooLong(policy.disputeWindow, MAX_POLICY_WINDOW);
        }
        if (policy.minPrecisionBps > _MAX_BPS) revert RegistryInvalidMinPrecision(policy.minPrecisionBps);
    }

    /// @dev Writes the policy, flattened with the exists flag, into its one slot, and the minimum precision beside it.
    function _storePolicy(uint256 modelId, Policy calldata policy) private {
        _policies[modelId] = StoredPolicy({
            minBond: policy.minBond,
            exists: true,
            commitReveal: policy.commitReveal,
            bondLock: policy.bondLock,
            disputeWindow: policy.disputeWindow,
            ownerBps: policy.ownerBps,
            poolBps: policy.poolBps
        });
        _minPrecisionBps[modelId] = policy.minPrecisionBps;
    }
}
