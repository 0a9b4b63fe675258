// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Test helper for load.js, compiled there with the npm solc: many single `register` calls in one transaction, so a
// load reaches tens of thousands of ContributionRegistered logs (one log each) in a few hundred transactions. The
// helper itself is the contributor; the model must take zero bonds (model 1 in load.js does).

interface IRegistry {
    struct Entry {
        bytes32 contentHash;
        uint8 kind;
        uint256 bond;
        string uri;
    }

    function register(uint256 modelId, Entry calldata entry) external returns (bytes32 id);
}

contract RegisterMany {
    /// @notice Registers entries first..first+count-1 of a seeded sequence: content hash keccak256(salt, i), kind i % 4.
    function registerMany(IRegistry registry, uint256 modelId, bytes32 salt, uint256 first, uint256 count, string calldata uri) external {
        for (uint256 i = first; i < first + count; ++i) {
            registry.register(modelId, IRegistry.Entry(keccak256(abi.encode(salt, i)), uint8(i % 4), 0, uri));
        }
    }
}
