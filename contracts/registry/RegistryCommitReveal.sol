// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";
import {RegistryDisputes} from "./RegistryDisputes.sol";

/// @title Commit–reveal for registrations (ENS style), with the commitment's time as the registration's priority.
/// @notice A contributor first commits keccak256(abi.encode(contributor, modelId, contentHash, salt)), then reveals
/// it in a later block. The commitment binds the contributor, so a copier who re-submits it gains nothing.
/// A reveal counts from its commitment: content registered by anyone else after that commitment (directly, in a batch,
/// by signature, or by a reveal of a later commitment) is taken back by the reveal, and the holder's bond is forfeited
/// into the model's reward pool. So a copier who sees the content hash in a pending reveal and registers it first, in
/// the same block with a higher tip or by committing and revealing while the reveal waits, loses the content and the
/// bond. This is what makes commit–reveal worth opting into on a model that does not require it.
/// @dev The priority of a held contribution is the time of the commitment it was revealed from (kept per id) or, for
/// one registered directly, its registeredAt. Times are block timestamps: a contribution's slot keeps seconds, not a
/// block number. Ethereum requires each block's timestamp to exceed its parent's, so "earlier second" is "earlier
/// block"; where two blocks can share a second, a tie does not take content back. A commitment outranks later
/// registrations for RECLAIM_WINDOW only, so that nobody can sit on a commitment and wait for an honest duplicate
/// whose bond it would take.
abstract contract RegistryCommitReveal is RegistryDisputes {
    /// @notice How long after its commitment a reveal can still take content back from a later registration.
    uint32 public constant RECLAIM_WINDOW = 1 days;

    /// @dev A commitment's word: block number in the low 128 bits, timestamp above (one slot, as before).
    uint256 private constant _TIME_SHIFT = 128;

    mapping(bytes32 commitment => uint256 packed) private _commitments;
    /// @dev The commitment time of each contribution held through a reveal; 0 for content registered directly.
    mapping(bytes32 id => uint256 committedAt) private _revealedFrom;

    /// @inheritdoc IContributionRegistry
    function commit(bytes32 commitment) external {
        // Only the first submission counts: re-submitting a commitment (anyone's) must not reset its block.
        if (_commitments[commitment] != 0) revert RegistryAlreadyCommitted(commitment);
        _commitments[commitment] = block.number | (block.timestamp << _TIME_SHIFT);
        emit Committed(commitment, msg.sender, block.number);
    }

    /// @inheritdoc IContributionRegistry
    function commitmentBlock(bytes32 commitment) external view returns (uint256) {
        return uint128(_commitments[commitment]);
    }

    /// @inheritdoc IContributionRegistry
    function priorityOf(uint256 modelId, bytes32 contentHash) external view returns (uint256) {
        (bytes32 id, uint256 held) = _peek(modelId, contentHash);
        return held == 0 ? 0 : _priority(id, held);
    }

    /// @dev Registers the caller's committed entry, taking the content back from a holder whose priority is later
    /// than the commitment; the holder's bond goes to the reward pool after every state change.
    function _reveal(uint256 modelId, Entry calldata entry, bytes32 salt) internal returns (bytes32 id) {
        uint256 committedAt = _consumeCommitment(modelId, entry.contentHash, salt);
        uint256 held;
        (id, held) = _recordOver(modelId, entry.contentHash, entry.bond, _storedPolicy(modelId).minBond, _stamp(msg.sender));
        uint256 forfeited;
        if (held != 0) forfeited = _supersede(modelId, entry.contentHash, id, held, committedAt);
        _revealedFrom[id] = committedAt;
        emit ContributionRegistered(id, modelId, msg.sender, entry.contentHash, entry.kind, entry.bond, entry.uri);
        _pull(msg.sender, entry.bond);
        _forfeit(modelId, forfeited);
    }

    /// @dev Checks and deletes the caller's commitment for (modelId, contentHash, salt); returns its timestamp.
    function _consumeCommitment(uint256 modelId, bytes32 contentHash, bytes32 salt) private returns (uint256) {
        bytes32 commitment = keccak256(abi.encode(msg.sender, modelId, contentHash, salt));
        uint256 packed = _commitments[commitment];
        if (packed == 0) revert RegistryUnknownCommitment(commitment);
        uint256 committedBlock = uint128(packed);
        if (committedBlock >= block.number) revert RegistryCommitmentTooRecent(commitment, committedBlock);
        delete _commitments[commitment];
        return packed >> _TIME_SHIFT;
    }

    /// @dev Ends the holder's registration of `id` (whose stored word was `held`) in favour of the caller's reveal of a
    /// commitment made at `committedAt`; returns the holder's bond, to be forfeited. Reverts with
    /// RegistryDuplicateContent when the caller holds it already or the holder's priority is not later than the
    /// commitment, and with RegistryReclaimWindowClosed when the commitment is older than RECLAIM_WINDOW. The holder's
    /// flag, if any, goes with the registration: the caller's registration starts unflagged.
    function _supersede(
        uint256 modelId,
        bytes32 contentHash,
        bytes32 id,
        uint256 held,
        uint256 committedAt
    ) private returns (uint256 forfeited) {
        address holder = _contributorOf(held);
        if (holder == msg.sender || committedAt >= _priority(id, held)) {
            revert RegistryDuplicateContent(modelId, contentHash, id);
        }
        uint256 closedAt = committedAt + RECLAIM_WINDOW;
        if (block.timestamp > closedAt) revert RegistryReclaimWindowClosed(id, closedAt);
        forfeited = _bondOf(held);
        delete _flags[id];
        emit ContributionSuperseded(id, modelId, holder, msg.sender, forfeited);
    }

    /// @dev When the holder's claim to the content counts from: its commitment's time for a reveal, else registeredAt.
    function _priority(bytes32 id, uint256 held) private view returns (uint256) {
        uint256 committedAt = _revealedFrom[id];
        return committedAt != 0 ? committedAt : _registeredAtOf(held);
    }
}
