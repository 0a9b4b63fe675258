// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";
import {RegistryModels} from "./RegistryModels.sol";

/// @title Contribution storage: one slot per contribution, flags beside it.
/// @dev A contribution is one word keyed by its content-addressed id:
///   bits   0..159  contributor
///   bits 160..223  bond in gwei (zeroed when the bond is withdrawn or slashed)
///   bits 224..255  registeredAt (seconds; uint32 lasts until 2106)
/// A contributor is never the zero address, so a zero word means "no such contribution". The duplicate check and the
/// record are the same slot, which is what keeps a registration at one new storage slot. Flags live in a separate
/// mapping that is written only when a validator flags.
abstract contract RegistryContributions is RegistryModels {
    using SafeERC20 for IERC20;

    /// @dev A flag: when it was raised, when its dispute window ends (the window is fixed when the flag is raised),
    /// and Flagged or Slashed. Status None here means the contribution is Active.
    struct Flag {
        uint64 flaggedAt;
        uint64 disputeEndsAt;
        Status status;
    }

    uint256 private constant _GWEI = 1e9;
    uint256 private constant _BOND_SHIFT = 160;
    uint256 private constant _TIME_SHIFT = 224;
    uint256 private constant _BOND_MASK = 0xffffffffffffffff; // type(uint64).max, spelled out for assembly

    /// @dev OPEN, in which bonds are paid.
    IERC20 internal immutable TOKEN;

    mapping(bytes32 id => uint256 packed) private _contributions;
    mapping(bytes32 id => Flag) internal _flags;

    constructor(IERC20 token) {
        TOKEN = token;
    }

    /// @inheritdoc IContributionRegistry
    function contributionId(uint256 modelId, bytes32 contentHash) external pure returns (bytes32) {
        return _contributionId(modelId, contentHash);
    }

    /// @inheritdoc IContributionRegistry
    function contribution(uint256 modelId, bytes32 contentHash) external view returns (Contribution memory record) {
        (bytes32 id, uint256 packed) = _peek(modelId, contentHash);
        if (packed == 0) return record;
        Flag memory raised = _flags[id];
        record = Contribution({
            contributor: _contributorOf(packed),
            registeredAt: uint64(_registeredAtOf(packed)),
            flaggedAt: raised.flaggedAt,
            bond: _bondOf(packed),
            status: _statusOf(raised)
        });
    }

    /// @dev keccak256(abi.encode(modelId, contentHash)), hashed in the scratch space instead of building the
    /// encoding in freshly allocated memory: the two words fit 0x00..0x3f, which Solidity reserves for exactly this.
    function _contributionId(uint256 modelId, bytes32 contentHash) internal pure returns (bytes32 id) {
        // Deliberate: this hash runs once per registered item, and abi.encode would allocate 96 bytes each time.
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            mstore(0x00, modelId)
            mstore(0x20, contentHash)
            id := keccak256(0x00, 0x40)
        }
    }

    /// @dev The parts of a stored word every item of one registration shares: contributor and registeredAt.
    /// Computed once per call so that a batch does not redo it per item.
    function _stamp(address contributor) internal view returns (uint256) {
        return uint256(uint160(contributor)) | (uint256(SafeCast.toUint32(block.timestamp)) << _TIME_SHIFT);
    }

    /// @dev Validates and stores one contribution with `stamp` from `_stamp`; returns its id and its bond in gwei.
    /// Reverts for a zero content hash, a bond that is not storable or below `minBond`, and content the model
    /// already holds.
    function _record(
        uint256 modelId,
        bytes32 contentHash,
        uint256 bond,
        uint256 minBond,
        uint256 stamp
    ) internal returns (bytes32 id, uint256 bondGwei) {
        bondGwei = _checkEntry(contentHash, bond, minBond);
        id = _contributionId(modelId, contentHash);
        if (_contributions[id] != 0) revert RegistryDuplicateContent(modelId, contentHash, id);
        _contributions[id] = stamp | (bondGwei << _BOND_SHIFT);
    }

    /// @dev As `_record`, but content the model already holds is overwritten instead of refused: returns the word that
    /// was there (0 when none) so that the reveal path can decide whether its commitment outranks the holder, and
    /// revert (undoing the write) when it does not.
    function _recordOver(
        uint256 modelId,
        bytes32 contentHash,
        uint256 bond,
        uint256 minBond,
        uint256 stamp
    ) internal returns (bytes32 id, uint256 held) {
        uint256 bondGwei = _checkEntry(contentHash, bond, minBond);
        id = _contributionId(modelId, contentHash);
        held = _contributions[id];
        _contributions[id] = stamp | (bondGwei << _BOND_SHIFT);
    }

    /// @dev The batch fast path of `_record`, in one assembly loop (about 600 gas less per item than calling the
    /// checked path per entry). It records entries in order and stops at the first one `_record` would reject
    /// (zero content hash, bond not storable or below `minBond`, content already held - including earlier in this
    /// batch, since each slot is written before the next entry is checked). Returns the bonds recorded, in gwei, the
    /// index it stopped at (entries.length when it recorded all), and `size`: how many bytes abi.encode(entries)
    /// takes after its length word, i.e. where the canonical encoding ends. The caller hands a stopped-at entry to
    /// `_record`, which reverts with the precise custom error.
    /// The batch event is a copy of the calldata, and indexers decode it with strict ABI decoders, so every entry is
    /// checked (before its state change) to be laid out exactly as abi.encode lays it out; with the length word and
    /// the offset table copied as they are, the first `size` bytes after the length word then ARE abi.encode(entries):
    ///   - its head offset equals the running canonical position (no gap, overlap, reordering or sharing of entries);
    ///   - its uri offset is 0x80 (the string's length word directly follows the three static words);
    ///   - the padding after its uri's bytes is zero (calldataload past the calldata reads zeros, so padding the
    ///     caller left out counts as zero, exactly as calldatacopy will fill it).
    /// Anything else reverts with RegistryNonCanonicalBatch(index). Requiring instead of re-encoding costs a few
    /// dozen gas per item where a re-encode costs about 600; standard encoders (ethers, our C# AbiEncoder) always send
    /// the canonical form, so nobody legitimate pays a fallback. Bytes after the canonical end (trailing data) and
    /// the function head's own offset are outside the copy, so they are allowed and never logged.
    /// Like Solidity's own decoder it reverts without data when a uri runs past the calldata, a length is not below
    /// 2^64, or a kind is not a valid Kind. Solidity already checked entries.offset + 32 * entries.length.
    function _recordBatch(
        uint256 modelId,
        Entry[] calldata entries,
        uint256 minBond,
        uint256 stamp
    ) internal returns (uint256 totalGwei, uint256 stopped, uint256 size) {
        bytes4 nonCanonicalBatch = RegistryNonCanonicalBatch.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Inside the loop `size` is absolute: the calldata position where the next entry must start. Solidity's
            // decoder checked entries.offset + 32 * entries.length against the calldata, and each entry below checks
            // uriEnd against it, so it never exceeds calldatasize() + 31.
            size := add(entries.offset, shl(5, entries.length))
            for {} lt(stopped, entries.length) { stopped := add(stopped, 1) } {
                // Scoped blocks keep the stack shallow enough for unoptimised (coverage) builds.
                // The entry is read where the canonical encoding puts it; its offset word must say the same.
                let entry := size
                {
                    let uriLength := calldataload(add(entry, 0x80))
                    // May wrap for a huge uriLength, but then the 2^64 check in the same test rejects it.
                    let uriEnd := add(add(entry, 0xa0), uriLength)
                    // 8 * (number of padding bytes) = 8 * (-uriLength mod 32); shr by 256 yields 0 when there is none.
                    let padBits := and(sub(0, shl(3, uriLength)), 0xff)
                    let misplaced := or(
                        xor(add(entries.offset, calldataload(add(entries.offset, shl(5, stopped)))), entry),
                        xor(calldataload(add(entry, 0x60)), 0x80)
                    )
                    let malformed := or(gt(uriLength, 0xffffffffffffffff), gt(uriEnd, calldatasize()))
                    malformed := or(malformed, gt(calldataload(add(entry, 0x20)), 3))
                    // One branch on the hot path; which failure it was is sorted out only when there is one.
                    if or(or(misplaced, malformed), shr(sub(256, padBits), calldataload(uriEnd))) {
                        if iszero(misplaced) {
                            if malformed {
                                revert(0, 0)
                            }
                        }
                        mstore(0x00, nonCanonicalBatch)
                        mstore(0x04, stopped)
                        revert(0x00, 0x24)
                    }
                    size := add(uriEnd, shr(3, padBits))
                }
                let contentHash := calldataload(entry)
                let bondGwei
                {
                    let bond := calldataload(add(entry, 0x40))
                    bondGwei := div(bond, _GWEI)
                    if or(or(iszero(contentHash), mod(bond, _GWEI)), or(gt(bondGwei, _BOND_MASK), lt(bond, minBond))) {
                        break
                    }
                }
                // id = keccak256(abi.encode(modelId, contentHash)); its mapping slot = keccak256(abi.encode(id, slot)).
                mstore(0x00, modelId)
                mstore(0x20, contentHash)
                mstore(0x00, keccak256(0x00, 0x40))
                mstore(0x20, _contributions.slot)
                let slot := keccak256(0x00, 0x40)
                if sload(slot) {
                    break
                }
                sstore(slot, or(stamp, shl(_BOND_SHIFT, bondGwei)))
                // Cannot overflow: each bond is below 2^64 gwei and there are fewer than 2^64 entries.
                totalGwei := add(totalGwei, bondGwei)
            }
            size := sub(size, entries.offset)
        }
    }

    /// @dev The bond of an entry in gwei; reverts for a zero content hash and a bond that is not storable or below
    /// `minBond`.
    function _checkEntry(bytes32 contentHash, uint256 bond, uint256 minBond) private pure returns (uint256 bondGwei) {
        if (contentHash == bytes32(0)) revert RegistryEmptyContentHash();
        bondGwei = bond / _GWEI;
        if (bond % _GWEI != 0 || bondGwei > _BOND_MASK) revert RegistryBondNotStorable(bond);
        if (bond < minBond) revert RegistryBondTooLow(bond, minBond);
    }

    /// @dev The id and stored word of a contribution; the word is 0 when the model holds no such content.
    function _peek(uint256 modelId, bytes32 contentHash) internal view returns (bytes32 id, uint256 packed) {
        id = _contributionId(modelId, contentHash);
        packed = _contributions[id];
    }

    /// @dev The id and stored word of a contribution; reverts with RegistryUnknownContribution when absent.
    function _load(uint256 modelId, bytes32 contentHash) internal view returns (bytes32 id, uint256 packed) {
        (id, packed) = _peek(modelId, contentHash);
        if (packed == 0) revert RegistryUnknownContribution(modelId, contentHash);
    }

    /// @dev Zeroes the bond bits of a stored contribution (withdrawn or slashed), keeping contributor and time.
    function _clearBond(bytes32 id, uint256 packed) internal {
        _contributions[id] = packed & ~(_BOND_MASK << _BOND_SHIFT);
    }

    /// @dev Pulls `amount` OPEN from `from`; skipped for zero (a model may set no minimum bond).
    function _pull(address from, uint256 amount) internal {
        if (amount != 0) TOKEN.safeTransferFrom(from, address(this), amount);
    }

    /// @dev The status a flag record stands for: no flag means Active.
    function _statusOf(Flag memory raised) internal pure returns (Status) {
        return raised.status == Status.None ? Status.Active : raised.status;
    }

    function _contributorOf(uint256 packed) internal pure returns (address) {
        return address(uint160(packed));
    }

    function _bondOf(uint256 packed) internal pure returns (uint256) {
        // Cannot overflow: at most (2^64 - 1) * 1e9 < 2^94.
        unchecked {
            return ((packed >> _BOND_SHIFT) & _BOND_MASK) * _GWEI;
        }
    }

    function _registeredAtOf(uint256 packed) internal pure returns (uint256) {
        return packed >> _TIME_SHIFT;
    }

    /// @dev Bonds summed in gwei (as `_record` returns them) back to OPEN wei.
    function _gweiToWei(uint256 amountGwei) internal pure returns (uint256) {
        return amountGwei * _GWEI;
    }
}
