// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";
import {IRewardDistributor} from "../interfaces/IRewardDistributor.sol";
import {RegistryContributions} from "./RegistryContributions.sol";

/// @title Bonds and disputes: validators flag, the model owner may dismiss inside the dispute window, anyone slashes
/// after it, and contributors withdraw unflagged bonds after the bond lock.
/// @dev The dispute window is fixed when the flag is raised, so a later policy change does not move it. The bond lock
/// is read from the current policy (the contribution's slot has no room for it).
abstract contract RegistryDisputes is RegistryContributions, Ownable {
    IRewardDistributor private _distributor;

    /// @inheritdoc IContributionRegistry
    function setRewardDistributor(address distributor) external onlyOwner {
        if (address(_distributor) != address(0)) revert RegistryDistributorAlreadySet(address(_distributor));
        _distributor = IRewardDistributor(distributor);
    }

    /// @inheritdoc IContributionRegistry
    function flag(uint256 modelId, bytes32 contentHash, string calldata reason) external {
        _checkValidator(modelId);
        (bytes32 id, ) = _load(modelId, contentHash);
        Status status = _statusOf(_flags[id]);
        if (status != Status.Active) revert RegistryWrongStatus(id, status);
        uint64 flaggedAt = uint64(block.timestamp);
        // Cannot overflow: a uint64 timestamp plus a uint32 window stays far below 2^64 for billions of years.
        unchecked {
            _flags[id] = Flag({
                flaggedAt: flaggedAt,
                disputeEndsAt: flaggedAt + _storedPolicy(modelId).disputeWindow,
                status: Status.Flagged
            });
        }
        emit ContributionFlagged(id, msg.sender, reason);
    }

    /// @inheritdoc IContributionRegistry
    function dismissFlag(uint256 modelId, bytes32 contentHash) external onlyModelOwner(modelId) {
        (bytes32 id, ) = _load(modelId, contentHash);
        Flag memory raised = _flags[id];
        if (raised.status != Status.Flagged) revert RegistryWrongStatus(id, _statusOf(raised));
        if (block.timestamp >= raised.disputeEndsAt) revert RegistryDisputeWindowClosed(id, raised.disputeEndsAt);
        delete _flags[id];
        emit FlagDismissed(id, msg.sender);
    }

    /// @inheritdoc IContributionRegistry
    function slash(uint256 modelId, bytes32 contentHash) external {
        // Checked first, even for a bond-free contribution, so that a slash never half-succeeds on an unwired registry.
        if (address(_distributor) == address(0)) revert RegistryDistributorNotSet();
        (bytes32 id, uint256 packed) = _load(modelId, contentHash);
        Flag memory raised = _flags[id];
        if (raised.status != Status.Flagged) revert RegistryWrongStatus(id, _statusOf(raised));
        if (block.timestamp < raised.disputeEndsAt) revert RegistryDisputeWindowOpen(id, raised.disputeEndsAt);
        uint256 amount = _bondOf(packed);
        _flags[id].status = Status.Slashed;
        _clearBond(id, packed);
        emit ContributionSlashed(id, modelId, amount);
        _forfeit(modelId, amount);
    }

    /// @inheritdoc IContributionRegistry
    function withdrawBond(uint256 modelId, bytes32 contentHash) external {
        (bytes32 id, uint256 packed) = _load(modelId, contentHash);
        if (_contributorOf(packed) != msg.sender) revert RegistryNotContributor(id, msg.sender);
        Status status = _statusOf(_flags[id]);
        if (status != Status.Active) revert RegistryWrongStatus(id, status);
        uint256 amount = _bondOf(packed);
        if (amount == 0) revert RegistryNoBond(id);
        uint256 unlocksAt = _registeredAtOf(packed) + _storedPolicy(modelId).bondLock;
        if (block.timestamp < unlocksAt) revert RegistryBondLocked(id, unlocksAt);
        _clearBond(id, packed);
        emit BondWithdrawn(id, msg.sender, amount);
        SafeERC20.safeTransfer(TOKEN, msg.sender, amount);
    }

    /// @dev Pays a lost bond (slashed, or forfeited by a superseded registration) into the model's reward pool through
    /// the distributor. Zero is skipped: the distributor rejects zero amounts, and a model without a minimum bond can
    /// hold bond-free contributions.
    function _forfeit(uint256 modelId, uint256 amount) internal {
        if (amount == 0) return;
        IRewardDistributor distributor = _distributor;
        if (address(distributor) == address(0)) revert RegistryDistributorNotSet();
        SafeERC20.forceApprove(TOKEN, address(distributor), amount);
        distributor.fundRewardPool(modelId, amount);
    }
}
