// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title The public surface of model shares: an ERC-1155 whose token id is the model id, and revenue sharing.
/// @notice Only the reward distributor mints. Revenue deposited for a model is split by the model's policy
/// (owner / reward pool / holders); holders accrue their cut per share, and what they accrued stays theirs
/// when shares move (transfers settle both sides first).
/// While a model has no shares, the holders' cut goes to the model's reward pool with the policy's pool cut.
/// Nothing is kept back for "the first holders": whoever claimed first would take all of it, however small their
/// part of the epoch. Through the pool it reaches contributors by the next epoch's attribution instead.
interface IModelShares {
    /// @notice Emitted for every revenue deposit, with how it was split. While the model has no shares the
    /// holders' cut is part of toRewardPool and toHolders is zero.
    event RevenueDeposited(
        uint256 indexed modelId,
        address indexed depositor,
        uint256 amount,
        uint256 toOwner,
        uint256 toRewardPool,
        uint256 toHolders
    );
    /// @notice Emitted when an account takes its accrued revenue.
    event RevenueWithdrawn(uint256 indexed modelId, address indexed account, uint256 amount);

    /// @notice Thrown when the caller is not the reward distributor.
    error SharesNotDistributor(address caller);
    /// @notice Thrown when the reward distributor was already wired.
    error SharesDistributorAlreadySet(address distributor);
    /// @notice Thrown when the reward distributor is not wired yet.
    error SharesDistributorNotSet();
    /// @notice Thrown when a deposit or mint is for a model that does not exist.
    error SharesUnknownModel(uint256 modelId);
    /// @notice Thrown when a deposit of zero is made.
    error SharesZeroAmount();
    /// @notice Thrown when there is nothing to withdraw.
    error SharesNothingToWithdraw(uint256 modelId, address account);

    /// @notice Mints `amount` shares of `modelId` to `to`. Only the reward distributor.
    function mint(address to, uint256 modelId, uint256 amount) external;
    /// @notice Pulls `amount` OPEN from the caller and splits it by the model's policy; with no shares of `modelId`
    /// in existence, the holders' cut is added to the reward pool.
    function depositRevenue(uint256 modelId, uint256 amount) external;
    /// @notice Pays the caller the revenue it accrued on `modelId`.
    function withdrawRevenue(uint256 modelId) external returns (uint256 amount);
    /// @notice Revenue `account` can withdraw now on `modelId`.
    function withdrawableRevenue(uint256 modelId, address account) external view returns (uint256);
    /// @notice The number of shares of `modelId` in existence.
    function totalSupply(uint256 modelId) external view returns (uint256);
    /// @notice Wires the reward distributor (the only minter and the reward pool). Once, by the admin.
    function setRewardDistributor(address distributor) external;
}
