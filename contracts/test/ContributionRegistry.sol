// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IContributionRegistry} from "../interfaces/IContributionRegistry.sol";

/// @notice TEMPORARY stand-in until the real registry is merged; only models and policies.
contract ContributionRegistry {
    mapping(uint256 => address) private _owners;
    mapping(uint256 => IContributionRegistry.Policy) private _policies;
    uint256 private _count;
    address private _distributor;

    constructor(address, address) {}

    function createModel(string calldata, IContributionRegistry.Policy calldata policy) external returns (uint256 id) {
        id = ++_count;
        _owners[id] = msg.sender;
        _policies[id] = policy;
    }

    function setPolicy(uint256 modelId, IContributionRegistry.Policy calldata policy) external {
        _policies[modelId] = policy;
    }

    function modelOwner(uint256 modelId) external view returns (address) {
        return _owners[modelId];
    }

    function modelPolicy(uint256 modelId) external view returns (IContributionRegistry.Policy memory) {
        return _policies[modelId];
    }

    function setRewardDistributor(address d) external {
        _distributor = d;
    }
}
