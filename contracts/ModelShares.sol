// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC1155} from "@openzeppelin/contracts/token/ERC1155/ERC1155.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IModelShares} from "./interfaces/IModelShares.sol";
import {IContributionRegistry} from "./interfaces/IContributionRegistry.sol";
import {IRewardDistributor} from "./interfaces/IRewardDistributor.sol";

/// @title Per-model shares (ERC-1155, token id = model id) that earn the holders' cut of the model's revenue.
/// @notice Holder accounting keeps one storage word per (model, holder): `_revenueDebt`, the holder's
/// balance-weighted revenue per share already accounted for, scaled by PRECISION. What a holder can withdraw is
/// (balance * revenuePerShare - debt) / PRECISION. A transfer or mint moves `value * revenuePerShare` of debt with
/// the shares, so revenue accrued before the move stays with the sender and nothing has to be paid or credited on
/// the way. The remainder below one wei is carried forward, never paid, so the contract pays out at most what it
/// received: per deposit at most one wei is lost to truncation of revenuePerShare, and per holder at most one wei
/// ever stays behind. A deposit made while the model has no shares sends the holders' cut to the reward pool (see
/// IModelShares), so holder revenue is only ever credited to shares that exist when it arrives.
/// @dev Debt and revenuePerShare are kept modulo 2^256 (unchecked): only the difference balance * revenuePerShare -
/// debt is ever read, and its true value is a holder's unwithdrawn revenue times PRECISION, below 2^256 as long as a
/// holder's unwithdrawn revenue stays below 2^128 wei (3.4e20 OPEN), far above any supply of OPEN.
contract ModelShares is ERC1155, Ownable, IModelShares {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    /// @dev Scale of revenuePerShare. 2^128 keeps the truncation of one deposit's revenue per share below one wei in
    /// total for any share supply below 2^128 (supplies are uint128).
    uint256 private constant PRECISION = 1 << 128;
    uint256 private constant BPS = 10_000;

    IERC20 private immutable TOKEN;
    IContributionRegistry private immutable REGISTRY;
    address private _distributor;

    /// @dev uint128, so the truncation bound of PRECISION holds; only a mint changes it (there is no burn).
    mapping(uint256 modelId => uint128) private _supply;
    mapping(uint256 modelId => uint256) private _revenuePerShare;
    mapping(uint256 modelId => mapping(address account => uint256)) private _revenueDebt;

    /// @param token OPEN, the token revenue is paid in
    /// @param registry the contribution registry that knows models, their owners and revenue policies
    /// @param admin the owner, who wires the reward distributor once
    constructor(
        IERC20 token,
        IContributionRegistry registry,
        address admin
    ) ERC1155("https://openledger.network/models/{id}/shares.json") Ownable(admin) {
        TOKEN = token;
        REGISTRY = registry;
    }

    /// @inheritdoc IModelShares
    function setRewardDistributor(address distributor) external onlyOwner {
        address current = _distributor;
        if (current != address(0)) revert SharesDistributorAlreadySet(current);
        _distributor = distributor;
    }

    /// @inheritdoc IModelShares
    /// @dev Only the first mint of a model asks the registry whether it exists: shares of a model that has supply
    /// were minted for an existing model, which saves the claim path an external call.
    function mint(address to, uint256 modelId, uint256 amount) external {
        if (msg.sender != _distributor) revert SharesNotDistributor(msg.sender);
        if (_supply[modelId] == 0 && REGISTRY.modelOwner(modelId) == address(0)) {
            revert SharesUnknownModel(modelId);
        }
        _mint(to, modelId, amount, "");
    }

    /// @inheritdoc IModelShares
    function depositRevenue(uint256 modelId, uint256 amount) external {
        if (amount == 0) revert SharesZeroAmount();
        address distributor = _distributor;
        if (distributor == address(0)) revert SharesDistributorNotSet();
        address modelOwner = REGISTRY.modelOwner(modelId);
        if (modelOwner == address(0)) revert SharesUnknownModel(modelId);
        IContributionRegistry.Policy memory policy = REGISTRY.modelPolicy(modelId);

        uint256 toOwner = (amount * policy.ownerBps) / BPS;
        uint256 toRewardPool = (amount * policy.poolBps) / BPS;
        // The registry keeps ownerBps + poolBps <= BPS, so each cut rounds down and holders get what is left.
        uint256 toHolders = amount - toOwner - toRewardPool;
        uint256 supply = _supply[modelId];
        if (supply == 0) {
            // No holder to credit: the cut reaches contributors through the next epoch (see IModelShares).
            toRewardPool += toHolders;
            toHolders = 0;
        }

        TOKEN.safeTransferFrom(msg.sender, address(this), amount);
        if (toHolders != 0) _creditHolders(modelId, toHolders, supply);
        emit RevenueDeposited(modelId, msg.sender, amount, toOwner, toRewardPool, toHolders);

        if (toOwner != 0) TOKEN.safeTransfer(modelOwner, toOwner);
        if (toRewardPool != 0) {
            TOKEN.forceApprove(distributor, toRewardPool);
            IRewardDistributor(distributor).fundRewardPool(modelId, toRewardPool);
        }
    }

    /// @inheritdoc IModelShares
    function withdrawRevenue(uint256 modelId) external returns (uint256 amount) {
        amount = withdrawableRevenue(modelId, msg.sender);
        if (amount == 0) revert SharesNothingToWithdraw(modelId, msg.sender);
        // Modulo 2^256 by design (see the contract's notes); amount * PRECISION < 2^256 because amount < 2^128.
        unchecked {
            _revenueDebt[modelId][msg.sender] += amount * PRECISION;
        }
        emit RevenueWithdrawn(modelId, msg.sender, amount);
        TOKEN.safeTransfer(msg.sender, amount);
    }

    /// @inheritdoc IModelShares
    function withdrawableRevenue(uint256 modelId, address account) public view returns (uint256) {
        // Modulo 2^256 by design: the difference is the account's unwithdrawn revenue times PRECISION.
        unchecked {
            uint256 accrued = balanceOf(account, modelId) * _revenuePerShare[modelId];
            return (accrued - _revenueDebt[modelId][account]) / PRECISION;
        }
    }

    /// @inheritdoc IModelShares
    function totalSupply(uint256 modelId) external view returns (uint256) {
        return _supply[modelId];
    }

    /// @notice The reward distributor: the only minter and the reward pool that revenue feeds (zero until wired).
    function rewardDistributor() external view returns (address) {
        return _distributor;
    }

    /// @dev Adds holder revenue to revenuePerShare; `supply` is the model's non-zero share supply.
    function _creditHolders(uint256 modelId, uint256 amount, uint256 supply) private {
        uint256 increment = Math.mulDiv(amount, PRECISION, supply);
        // Modulo 2^256 by design (see the contract's notes).
        unchecked {
            _revenuePerShare[modelId] += increment;
        }
    }

    /// @dev Moves revenue debt with the shares (so accrued revenue stays where it was earned) and keeps the supply.
    /// Runs after the balances change and before the receiver hook, so a receiver that calls back sees consistent
    /// accounting.
    function _update(address from, address to, uint256[] memory ids, uint256[] memory values) internal override {
        super._update(from, to, ids, values);
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 modelId = ids[i];
            uint256 value = values[i];
            uint256 perShare = _revenuePerShare[modelId];
            if (perShare != 0) {
                // Modulo 2^256 by design (see the contract's notes).
                unchecked {
                    uint256 debt = value * perShare;
                    if (from != address(0)) _revenueDebt[modelId][from] -= debt;
                    // Shares are never burnt (there is no burn function), so `to` is never zero.
                    _revenueDebt[modelId][to] += debt;
                }
            }
            // Without burns, only a mint changes the supply.
            if (from == address(0)) _supply[modelId] = (_supply[modelId] + value).toUint128();
        }
    }
}
