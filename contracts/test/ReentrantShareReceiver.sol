// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC1155} from "@openzeppelin/contracts/token/ERC1155/IERC1155.sol";
import {IERC1155Receiver} from "@openzeppelin/contracts/token/ERC1155/IERC1155Receiver.sol";
import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {IRewardDistributor} from "../interfaces/IRewardDistributor.sol";
import {IModelShares} from "../interfaces/IModelShares.sol";

/// @title Test double, not part of the deployment: a share holder whose ERC-1155 receiver hook calls back into the
/// distributor or the shares, to show that claims and revenue withdrawals cannot be replayed or double-paid.
/// @notice Armed with one attack, it runs it once, on the next single receipt of shares from ModelShares. The
/// attack either bubbles its revert (so the whole outer call fails with the inner error) or is caught and reported
/// in ReentryAttempted (so the outer call goes on and the test can check what was paid).
contract ReentrantShareReceiver is ERC165, IERC1155Receiver {
    /// @notice What the hook does when shares arrive.
    enum Attack {
        None,
        Claim,
        ClaimBatch,
        WithdrawRevenue,
        Transfer
    }

    /// @notice Emitted after a caught re-entrant call, with its outcome and its return or revert data.
    event ReentryAttempted(Attack attack, bool succeeded, bytes returnData);

    IRewardDistributor private immutable DISTRIBUTOR;
    address private immutable SHARES;

    Attack private _attack;
    bool private _bubble;
    IRewardDistributor.Claim private _replay;
    address private _transferTo;

    /// @param distributor the distributor to claim from again
    /// @param shares the ModelShares whose receipts trigger the attack
    constructor(IRewardDistributor distributor, address shares) {
        DISTRIBUTOR = distributor;
        SHARES = shares;
    }

    /// @notice Arms one attack for the next receipt of shares.
    /// @param attack what to do from the hook
    /// @param bubble true: revert with the inner call's revert data; false: catch it and emit ReentryAttempted
    /// @param replay the claim that Claim and ClaimBatch submit again
    /// @param transferTo where Transfer sends the shares just received
    function arm(Attack attack, bool bubble, IRewardDistributor.Claim calldata replay, address transferTo) external {
        _attack = attack;
        _bubble = bubble;
        _replay = replay;
        _transferTo = transferTo;
    }

    /// @inheritdoc IERC1155Receiver
    /// @dev Disarms before calling out, so the attack runs once even if the inner call mints to this contract again.
    function onERC1155Received(
        address,
        address,
        uint256 id,
        uint256 value,
        bytes calldata
    ) external returns (bytes4) {
        Attack attack = _attack;
        if (msg.sender == SHARES && attack != Attack.None) {
            _attack = Attack.None;
            _reenter(attack, id, value);
        }
        return this.onERC1155Received.selector;
    }

    /// @inheritdoc IERC1155Receiver
    function onERC1155BatchReceived(
        address,
        address,
        uint256[] calldata,
        uint256[] calldata,
        bytes calldata
    ) external pure returns (bytes4) {
        return this.onERC1155BatchReceived.selector;
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId) public view override(ERC165, IERC165) returns (bool) {
        return interfaceId == type(IERC1155Receiver).interfaceId || super.supportsInterface(interfaceId);
    }

    /// @dev Makes the armed call; bubbles or reports its outcome.
    function _reenter(Attack attack, uint256 id, uint256 value) private {
        address target = SHARES;
        bytes memory payload;
        IRewardDistributor.Claim memory replay = _replay;
        if (attack == Attack.Claim) {
            target = address(DISTRIBUTOR);
            payload = abi.encodeCall(
                IRewardDistributor.claim,
                (
                    replay.modelId,
                    replay.epoch,
                    replay.index,
                    replay.account,
                    replay.openAmount,
                    replay.shareAmount,
                    replay.proof
                )
            );
        } else if (attack == Attack.ClaimBatch) {
            target = address(DISTRIBUTOR);
            IRewardDistributor.Claim[] memory claims = new IRewardDistributor.Claim[](1);
            claims[0] = replay;
            payload = abi.encodeCall(IRewardDistributor.claimBatch, (claims));
        } else if (attack == Attack.WithdrawRevenue) {
            payload = abi.encodeCall(IModelShares.withdrawRevenue, (id));
        } else {
            payload = abi.encodeCall(IERC1155.safeTransferFrom, (address(this), _transferTo, id, value, ""));
        }
        // A low-level call, so a failing attack can be reported instead of reverting the outer call.
        // solhint-disable-next-line avoid-low-level-calls
        (bool succeeded, bytes memory returnData) = target.call(payload);
        if (_bubble) Address.verifyCallResult(succeeded, returnData);
        emit ReentryAttempted(attack, succeeded, returnData);
    }
}
