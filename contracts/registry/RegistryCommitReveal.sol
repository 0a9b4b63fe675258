// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";

/// @title Commit–reveal for registrations (ENS style).
/// @notice A contributor first commits keccak256(abi.encode(contributor, modelId, contentHash, salt)), then reveals
/// it in a later block. The commitment binds the contributor, so a copier who re-submits it gains nothing, and a
/// copier who sees a reveal in the mempool cannot commit and reveal the same content within that block.
abstract contract RegistryCommitReveal is IContributionRegistry {
    mapping(bytes32 commitment => uint256 blockNumber) private _commitments;

    /// @inheritdoc IContributionRegistry
    function commit(bytes32 commitment) external {
        // Only the first submission counts: re-submitting a commitment (anyone's) must not reset its block.
        if (_commitments[commitment] != 0) revert RegistryAlreadyCommitted(commitment);
        _commitments[commitment] = block.number;
        emit Committed(commitment, msg.sender, block.number);
    }

    /// @inheritdoc IContributionRegistry
    function commitmentBlock(bytes32 commitment) external view returns (uint256) {
        return _commitments[commitment];
    }

    /// @dev Checks and deletes the caller's commitment for (modelId, contentHash, salt).
    function _consumeCommitment(uint256 modelId, bytes32 contentHash, bytes32 salt) internal {
        bytes32 commitment = keccak256(abi.encode(msg.sender, modelId, contentHash, salt));
        uint256 committedBlock = _commitments[commitment];
        if (committedBlock == 0) revert RegistryUnknownCommitment(commitment);
        if (committedBlock >= block.number) revert RegistryCommitmentTooRecent(commitment, committedBlock);
        delete _commitments[commitment];
    }
}
