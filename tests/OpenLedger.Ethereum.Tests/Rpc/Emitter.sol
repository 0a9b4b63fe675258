// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Test-only contract for the RPC integration tests: emits a ContributionRegistered-shaped event and
/// reverts in each way a node reports (reason string, custom error, panic).
contract Emitter {
    /// @notice Same shape as ContributionRegistry's event, so the decoder is tested on what the indexer reads.
    event ContributionRegistered(
        uint256 indexed id,
        uint256 indexed modelId,
        address indexed contributor,
        bytes32 contentHash,
        uint8 kind,
        string uri,
        uint256 bond
    );

    /// @notice Thrown by failCustom with the code it was given.
    error EmitterRejected(uint256 code, string why);

    /// @notice Emits ContributionRegistered with the sender as contributor and the value as bond.
    function register(uint256 id, uint256 modelId, bytes32 contentHash, uint8 kind, string calldata uri) external payable {
        emit ContributionRegistered(id, modelId, msg.sender, contentHash, kind, uri, msg.value);
    }

    /// @notice Returns its arguments, to test eth_call return decoding.
    function echo(uint256 a, string calldata s) external pure returns (uint256, string memory) {
        return (a, s);
    }

    /// @notice Reverts with Error(string).
    function failRequire(bool fail) external pure {
        require(!fail, "emitter says no");
    }

    /// @notice Reverts with the custom error EmitterRejected.
    function failCustom(uint256 code) external pure {
        revert EmitterRejected(code, "custom");
    }

    /// @notice Panics with 0x11 (overflow) for any x > 0.
    function failPanic(uint8 x) external pure returns (uint8) {
        return x + 255;
    }
}
