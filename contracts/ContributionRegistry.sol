// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {IContributionRegistry} from "./interfaces/IContributionRegistry.sol";
import {RegistryCommitReveal} from "./registry/RegistryCommitReveal.sol";
import {RegistryContributions} from "./registry/RegistryContributions.sol";

/// @title The OpenLedger contribution registry.
/// @notice Contributors register content hashes for models with an OPEN bond: directly, in batches, through a relayer
/// with an EIP-712 signature, or by commit then reveal (a reveal takes back content registered after its commitment).
/// Models, validators, disputes, bonds and commit–reveal live in the bases under contracts/registry/.
contract ContributionRegistry is RegistryCommitReveal, EIP712, Nonces {
    /// @dev The EIP-712 type of a signed registration; `uri` is hashed as the standard prescribes for strings.
    bytes32 private constant _REGISTER_TYPEHASH = keccak256(
        "Register(address contributor,uint256 modelId,bytes32 contentHash,uint8 kind,string uri,uint256 bond,uint256 nonce,uint256 deadline)"
    );

    /// @param token OPEN (ERC-20 with ERC-2612 permit), in which bonds are paid
    /// @param admin the account that wires the reward distributor
    constructor(
        address token,
        address admin
    ) RegistryContributions(IERC20(token)) Ownable(admin) EIP712("OpenLedger ContributionRegistry", "1") {}

    /// @inheritdoc IContributionRegistry
    function register(uint256 modelId, Entry calldata entry) external returns (bytes32 id) {
        id = _registerOne(modelId, entry, msg.sender);
    }

    /// @inheritdoc IContributionRegistry
    function registerWithPermit(
        uint256 modelId,
        Entry calldata entry,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (bytes32 id) {
        // A permit is public once in the mempool: if someone else submitted it first, this call fails but the
        // allowance is in place, and the transfer below decides whether the bond can be paid.
        try IERC20Permit(address(TOKEN)).permit(msg.sender, address(this), entry.bond, permitDeadline, v, r, s) {
        } catch {}
        id = _registerOne(modelId, entry, msg.sender);
    }

    /// @inheritdoc IContributionRegistry
    function registerBatch(uint256 modelId, Entry[] calldata entries) external {
        uint256 count = entries.length;
        if (count == 0) revert RegistryEmptyBatch();
        StoredPolicy memory policy = _storedPolicy(modelId);
        if (policy.commitReveal) revert RegistryCommitRevealRequired(modelId);
        (uint256 totalGwei, uint256 stopped, uint256 size) = _recordBatch(
            modelId,
            entries,
            policy.minBond,
            _stamp(msg.sender)
        );
        if (stopped != count) {
            // The fast path stops exactly at an entry the checked path rejects: this reverts with its custom error.
            Entry calldata rejected = entries[stopped];
            _record(modelId, rejected.contentHash, rejected.bond, policy.minBond, 0);
        }
        _emitContributionsRegistered(modelId, entries, size);
        _pull(msg.sender, _gweiToWei(totalGwei));
    }

    /// @inheritdoc IContributionRegistry
    function registerBySig(
        uint256 modelId,
        Entry calldata entry,
        address contributor,
        uint256 deadline,
        bytes calldata signature
    ) external returns (bytes32 id) {
        if (block.timestamp > deadline) revert RegistrySignatureExpired(deadline);
        bytes32 digest = _hashTypedDataV4(_registerStructHash(modelId, entry, contributor, deadline));
        // tryRecover rejects high-s (malleable) signatures and bad lengths; a replayed signature was made for a
        // spent nonce and so recovers some other address.
        (address signer, ECDSA.RecoverError error, ) = ECDSA.tryRecover(digest, signature);
        if (error != ECDSA.RecoverError.NoError || signer != contributor) revert RegistryInvalidSignature(contributor);
        id = _registerOne(modelId, entry, contributor);
    }

    /// @inheritdoc IContributionRegistry
    function reveal(uint256 modelId, Entry calldata entry, bytes32 salt) external returns (bytes32 id) {
        id = _reveal(modelId, entry, salt);
    }

    /// @inheritdoc IContributionRegistry
    function nonces(address contributor) public view override(IContributionRegistry, Nonces) returns (uint256) {
        return super.nonces(contributor);
    }

    /// @dev Registers one entry directly for `contributor` and pulls its bond; a model that requires commit–reveal
    /// accepts only reveals.
    function _registerOne(uint256 modelId, Entry calldata entry, address contributor) private returns (bytes32 id) {
        StoredPolicy memory policy = _storedPolicy(modelId);
        if (policy.commitReveal) revert RegistryCommitRevealRequired(modelId);
        (id, ) = _record(modelId, entry.contentHash, entry.bond, policy.minBond, _stamp(contributor));
        emit ContributionRegistered(id, modelId, contributor, entry.contentHash, entry.kind, entry.bond, entry.uri);
        _pull(contributor, entry.bond);
    }

    /// @dev Emits ContributionsRegistered(modelId, msg.sender, entries) with the entries copied straight from the
    /// calldata instead of re-encoding them, which saves about 600 gas per item. `size` is what `_recordBatch`
    /// returned: the copy is the array's length word and the `size` bytes after it, which `_recordBatch` verified to
    /// be laid out exactly as abi.encode lays them out (canonical offsets, zero padding; calldatacopy fills any
    /// padding the caller left out with zeros). So the log data is byte for byte abi.encode(entries) and a strict
    /// decoder accepts it; bytes past the canonical end are not copied.
    function _emitContributionsRegistered(uint256 modelId, Entry[] calldata entries, uint256 size) private {
        bytes32 topic = ContributionsRegistered.selector;
        // solhint-disable-next-line no-inline-assembly
        assembly ("memory-safe") {
            // Scratch use of free memory: nothing is allocated, so the free memory pointer stays as it is.
            let data := mload(0x40)
            mstore(data, 0x20)
            calldatacopy(add(data, 0x20), sub(entries.offset, 0x20), add(size, 0x20))
            log3(data, add(size, 0x40), topic, modelId, caller())
        }
    }

    /// @dev The EIP-712 struct hash of a registration, consuming the contributor's current nonce.
    function _registerStructHash(
        uint256 modelId,
        Entry calldata entry,
        address contributor,
        uint256 deadline
    ) private returns (bytes32) {
        return keccak256(
            abi.encode(
                _REGISTER_TYPEHASH,
                contributor,
                modelId,
                entry.contentHash,
                uint8(entry.kind),
                keccak256(bytes(entry.uri)),
                entry.bond,
                _useNonce(contributor),
                deadline
            )
        );
    }
}
