// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title OPEN, the token that pays bonds, rewards and revenue on OpenLedger.
/// @notice ERC-20 with ERC-2612 permit; the owner mints the initial supply for deployments and tests.
contract OpenToken is ERC20, ERC20Permit, Ownable {
    constructor(address initialOwner) ERC20("OpenLedger", "OPEN") ERC20Permit("OpenLedger") Ownable(initialOwner) {}

    /// @notice Mints `amount` OPEN to `to`. Only the owner (the deployer, or a treasury it hands ownership to).
    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
