// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title The public surface of the contribution registry: models, contributions, bonds, validators.
interface IContributionRegistry {
    /// @notice What a contribution is.
    enum Kind {
        Data,
        Compute,
        FineTune,
        Evaluation
    }

    /// @notice Where a contribution stands. A withdrawn bond leaves the contribution Active (bond = 0). A registration
    /// superseded by a reveal has no status here: its record is replaced by the revealer's (ContributionSuperseded).
    enum Status {
        None,
        Active,
        Flagged,
        Slashed
    }

    /// @notice A model's rules, set by its owner.
    /// @param minBond smallest bond (OPEN wei) a contribution must carry
    /// @param bondLock seconds after registration before an unflagged bond can be withdrawn; at most 365 days
    /// @param disputeWindow seconds after a flag before the contribution can be slashed; at most 365 days
    /// @param ownerBps share of each revenue deposit paid to the model owner, in basis points
    /// @param poolBps share of each revenue deposit added to the model's reward pool; holders get the rest
    /// @param commitReveal whether registrations must go through commit then reveal
    /// @param minPrecisionBps the lowest precision an epoch's report may have, as its linear datamodeling score (the
    /// rank correlation between what the attribution predicts and the model retrained on subsets) in basis points of
    /// 1; 0 = none, at most 10,000. Enforced off chain by the node and the CLI, which refuse such a report unposted.
    struct Policy {
        uint128 minBond;
        uint32 bondLock;
        uint32 disputeWindow;
        uint16 ownerBps;
        uint16 poolBps;
        bool commitReveal;
        uint16 minPrecisionBps;
    }

    /// @notice One contribution as its contributor describes it. The model is given beside it.
    /// @param bond OPEN wei; stored in whole gwei (it must be a multiple of 1e9 and below 2^64 gwei) so that a
    /// contribution fits one storage slot: one slot per item is what keeps registerBatch near 22k gas per item.
    struct Entry {
        bytes32 contentHash;
        Kind kind;
        uint256 bond;
        string uri;
    }

    /// @notice A stored contribution, as the getter returns it.
    /// Contribution ids are content-addressed: id = keccak256(abi.encode(modelId, contentHash)), so anyone can
    /// compute the id of a content hash, and the duplicate check and the record are one storage slot.
    struct Contribution {
        address contributor;
        uint64 registeredAt;
        uint64 flaggedAt;
        uint256 bond;
        Status status;
    }

    /// @notice Emitted when a model is created; modelIds start at 1.
    event ModelCreated(uint256 indexed modelId, address indexed owner, string metadataURI, Policy policy);
    /// @notice Emitted when a model owner changes the policy.
    event ModelPolicyUpdated(uint256 indexed modelId, Policy policy);
    /// @notice Emitted when a model owner appoints or removes a validator.
    event ValidatorUpdated(uint256 indexed modelId, address indexed validator, bool allowed);
    /// @notice Emitted when a commitment is first recorded.
    event Committed(bytes32 indexed commitment, address indexed committer, uint256 blockNumber);
    /// @notice Emitted for every registered contribution; id = keccak256(abi.encode(modelId, contentHash)).
    event ContributionRegistered(
        bytes32 indexed id,
        uint256 indexed modelId,
        address indexed contributor,
        bytes32 contentHash,
        Kind kind,
        uint256 bond,
        string uri
    );
    /// @notice Emitted once for a registerBatch; each entry's id is keccak256(abi.encode(modelId, contentHash)).
    /// One event per batch rather than per item saves ~1,500 gas of topics per item.
    event ContributionsRegistered(uint256 indexed modelId, address indexed contributor, Entry[] entries);
    /// @notice Emitted when a validator flags a contribution.
    event ContributionFlagged(bytes32 indexed id, address indexed validator, string reason);
    /// @notice Emitted when the model owner dismisses a flag inside the dispute window.
    event FlagDismissed(bytes32 indexed id, address indexed by);
    /// @notice Emitted when a reveal takes content back: `contributor` registered it after `by` had committed to it, so
    /// that registration ends (the id is content-addressed and now names `by`'s registration, emitted right after) and
    /// its remaining bond, `forfeited`, goes to the model's reward pool.
    event ContributionSuperseded(
        bytes32 indexed id,
        uint256 indexed modelId,
        address indexed contributor,
        address by,
        uint256 forfeited
    );
    /// @notice Emitted when a flagged contribution's bond is slashed into the model's reward pool.
    event ContributionSlashed(bytes32 indexed id, uint256 indexed modelId, uint256 amount);
    /// @notice Emitted when a contributor takes back an unflagged bond after the lock.
    event BondWithdrawn(bytes32 indexed id, address indexed contributor, uint256 amount);

    /// @notice Thrown when a model id does not exist.
    error RegistryUnknownModel(uint256 modelId);
    /// @notice Thrown when a contribution id does not exist.
    error RegistryUnknownContribution(uint256 modelId, bytes32 contentHash);
    /// @notice Thrown when the caller is not the model's owner.
    error RegistryNotModelOwner(uint256 modelId, address caller);
    /// @notice Thrown when the caller is not a validator of the model.
    error RegistryNotValidator(uint256 modelId, address caller);
    /// @notice Thrown when a policy's basis points add up to more than 10,000.
    error RegistryInvalidPolicy(uint16 ownerBps, uint16 poolBps);
    /// @notice Thrown when a policy's bondLock or disputeWindow (seconds) exceeds `max` (365 days). A policy applies
    /// to contributions already registered, so without the cap a model owner could lock every bond for a century.
    error RegistryPolicyWindowTooLong(uint32 value, uint32 max);
    /// @notice Thrown when a policy's minimum precision exceeds 10,000 basis points (an LDS of 1).
    error RegistryInvalidMinPrecision(uint16 minPrecisionBps);
    /// @notice Thrown when the content hash is zero.
    error RegistryEmptyContentHash();
    /// @notice Thrown when the model already holds this content.
    error RegistryDuplicateContent(uint256 modelId, bytes32 contentHash, bytes32 existingId);
    /// @notice Thrown when the bond is below the model's minimum.
    error RegistryBondTooLow(uint256 bond, uint256 minBond);
    /// @notice Thrown when a model requires commit–reveal and a direct registration was attempted.
    error RegistryCommitRevealRequired(uint256 modelId);
    /// @notice Thrown when a commitment was already recorded.
    error RegistryAlreadyCommitted(bytes32 commitment);
    /// @notice Thrown when no commitment matches the reveal.
    error RegistryUnknownCommitment(bytes32 commitment);
    /// @notice Thrown when a reveal comes in the same block as its commitment.
    error RegistryCommitmentTooRecent(bytes32 commitment, uint256 committedBlock);
    /// @notice Thrown when a reveal would take content back from a later registration but its commitment is older than
    /// RECLAIM_WINDOW (it closed at `closedAt`); a commitment cannot be kept in reserve against honest duplicates.
    error RegistryReclaimWindowClosed(bytes32 id, uint256 closedAt);
    /// @notice Thrown when a signed registration's deadline has passed.
    error RegistrySignatureExpired(uint256 deadline);
    /// @notice Thrown when a signature does not recover to the contributor.
    error RegistryInvalidSignature(address contributor);
    /// @notice Thrown when a contribution is not in the status the action needs.
    error RegistryWrongStatus(bytes32 id, Status status);
    /// @notice Thrown when the dispute window has not ended yet.
    error RegistryDisputeWindowOpen(bytes32 id, uint256 endsAt);
    /// @notice Thrown when the dispute window has already ended.
    error RegistryDisputeWindowClosed(bytes32 id, uint256 endedAt);
    /// @notice Thrown when the bond lock has not ended yet.
    error RegistryBondLocked(bytes32 id, uint256 unlocksAt);
    /// @notice Thrown when the caller is not the contributor.
    error RegistryNotContributor(bytes32 id, address caller);
    /// @notice Thrown when there is no bond left to withdraw.
    error RegistryNoBond(bytes32 id);
    /// @notice Thrown when a bond is not a whole number of gwei below 2^64 gwei.
    error RegistryBondNotStorable(uint256 bond);
    /// @notice Thrown when a batch is empty.
    error RegistryEmptyBatch();
    /// @notice Thrown when registerBatch calldata is not laid out exactly as abi.encode lays it out at entry `index`:
    /// its offset is not the running canonical position (a gap, overlap, reordering or shared entry), its uri offset
    /// is not 0x80, or the padding after its uri is not zero. The batch event is a copy of this calldata, and strict
    /// ABI decoders (indexers) reject anything but the canonical encoding.
    error RegistryNonCanonicalBatch(uint256 index);
    /// @notice Thrown when the reward distributor was already wired.
    error RegistryDistributorAlreadySet(address distributor);
    /// @notice Thrown when the reward distributor is not wired yet (slashing needs it).
    error RegistryDistributorNotSet();

    /// @notice Creates a model owned by the caller; returns its id.
    function createModel(string calldata metadataURI, Policy calldata policy) external returns (uint256 modelId);
    /// @notice Replaces a model's policy. Only the model owner.
    function setPolicy(uint256 modelId, Policy calldata policy) external;
    /// @notice Appoints or removes a validator. Only the model owner.
    function setValidator(uint256 modelId, address validator, bool allowed) external;

    /// @notice Registers one contribution for the caller, pulling the bond by allowance.
    function register(uint256 modelId, Entry calldata entry) external returns (bytes32 id);
    /// @notice As register, paying the bond with an ERC-2612 permit; a permit already used (front-run) is tolerated
    /// when the allowance suffices.
    function registerWithPermit(
        uint256 modelId,
        Entry calldata entry,
        uint256 permitDeadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external returns (bytes32 id);
    /// @notice Registers several contributions of one model for the caller; the bonds are pulled in one transfer.
    function registerBatch(uint256 modelId, Entry[] calldata entries) external;
    /// @notice Registers for `contributor` with their EIP-712 signature, relayed by anyone; the bond comes from the
    /// contributor's allowance. Domain: name "OpenLedger ContributionRegistry", version "1", chainId, this contract.
    /// Typed data: Register(address contributor,uint256 modelId,bytes32 contentHash,uint8 kind,string uri,uint256 bond,uint256 nonce,uint256 deadline)
    function registerBySig(
        uint256 modelId,
        Entry calldata entry,
        address contributor,
        uint256 deadline,
        bytes calldata signature
    ) external returns (bytes32 id);
    /// @notice The next nonce `registerBySig` expects for `contributor`.
    function nonces(address contributor) external view returns (uint256);

    /// @notice Records keccak256(abi.encode(contributor, modelId, contentHash, salt)); only its first submission counts.
    function commit(bytes32 commitment) external;
    /// @notice Registers the committed content for the caller; the commitment must be at least one block old. Content
    /// someone else registered later than the commitment (see priorityOf) is taken back when the reveal comes within
    /// RECLAIM_WINDOW of the commitment: that registration is superseded and its bond forfeited to the reward pool.
    /// Otherwise content already held reverts with RegistryDuplicateContent. Allowed whether or not the model
    /// requires commit–reveal.
    function reveal(uint256 modelId, Entry calldata entry, bytes32 salt) external returns (bytes32 id);
    /// @notice The block a commitment was recorded in, or 0.
    function commitmentBlock(bytes32 commitment) external view returns (uint256);
    /// @notice The time (block timestamp) the holder's claim to this content counts from: the time of the commitment it
    /// was revealed from, or its registration time when registered directly; 0 when the model holds no such content.
    /// A reveal whose commitment is earlier takes the content back.
    function priorityOf(uint256 modelId, bytes32 contentHash) external view returns (uint256);

    /// @notice Flags a contribution as bad. Only a validator of its model.
    function flag(uint256 modelId, bytes32 contentHash, string calldata reason) external;
    /// @notice Dismisses a flag inside the dispute window. Only the model owner.
    function dismissFlag(uint256 modelId, bytes32 contentHash) external;
    /// @notice Slashes a flagged contribution's bond into the model's reward pool once the dispute window has ended. Anyone.
    function slash(uint256 modelId, bytes32 contentHash) external;
    /// @notice Returns an unflagged bond to its contributor after the model's bond lock.
    function withdrawBond(uint256 modelId, bytes32 contentHash) external;

    /// @notice keccak256(abi.encode(modelId, contentHash)): the id of that content in that model.
    function contributionId(uint256 modelId, bytes32 contentHash) external pure returns (bytes32);
    /// @notice The model's owner (zero when the model does not exist).
    function modelOwner(uint256 modelId) external view returns (address);
    /// @notice The model's policy; reverts for an unknown model.
    function modelPolicy(uint256 modelId) external view returns (Policy memory);
    /// @notice The number of models created.
    function modelCount() external view returns (uint256);
    /// @notice Whether `account` validates `modelId`.
    function isValidator(uint256 modelId, address account) external view returns (bool);
    /// @notice A stored contribution; status None (all zero) when the model holds no such content.
    function contribution(uint256 modelId, bytes32 contentHash) external view returns (Contribution memory);
    /// @notice Wires the reward distributor that receives slashed bonds. Once, by the admin.
    function setRewardDistributor(address distributor) external;
}
