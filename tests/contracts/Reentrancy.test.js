// Re-entrancy through the ERC-1155 receiver hook: a claim mints shares, and minting calls the receiver, which is the
// one place an account gets control in the middle of a claim or a transfer. ReentrantShareReceiver
// (contracts/test/) uses that moment to claim again, withdraw revenue or move the shares it is receiving.
const { ethers } = require("hardhat");
const { expect } = require("chai");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { OPEN, POLICY, deployRewardsFixture, postTree } = require("./helpers/rewards");

const Attack = { None: 0, Claim: 1, ClaimBatch: 2, WithdrawRevenue: 3, Transfer: 4 };
const coder = ethers.AbiCoder.defaultAbiCoder();
const NO_CLAIM = { modelId: 0n, epoch: 0n, index: 0n, account: ethers.ZeroAddress, openAmount: 0n, shareAmount: 0n, proof: [] };

async function reentrancyFixture() {
  const f = await deployRewardsFixture();
  const receiver = await ethers.deployContract("ReentrantShareReceiver", [f.distributor, f.shares]);
  return { ...f, receiver, target: await receiver.getAddress() };
}

/** Leaf `i` of tree `t` in epoch `epoch` as the distributor's Claim struct. */
function claimOf(f, t, i, epoch) {
  const [index, account, openAmount, shareAmount, proof] = t.args(i);
  return { modelId: f.modelId, epoch, index, account, openAmount, shareAmount, proof };
}

/** Epoch 1 pays the receiver and alice 10 shares each; then 1,000 OPEN of revenue: 350 OPEN accrues to each. */
async function holdersWithRevenue(f) {
  const t = await postTree(f, [
    { account: f.target, open: 0n, shares: 10n * OPEN },
    { account: f.alice.address, open: 0n, shares: 10n * OPEN },
  ]);
  await f.distributor.claim(f.modelId, 1n, ...t.args(0));
  await f.distributor.claim(f.modelId, 1n, ...t.args(1));
  await f.shares.connect(f.funder).depositRevenue(f.modelId, 1000n * OPEN);
  return 350n * OPEN; // 70% holders' cut of POLICY, half each
}

describe("Re-entrancy through the share receiver hook", function () {
  describe("claim", function () {
    it("fails as a whole when the hook replays the claim, pays nothing and leaves the leaf claimable", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, token, receiver, target, modelId } = f;
      const t = await postTree(f, [
        { account: target, open: 100n, shares: 10n },
        { account: f.alice.address, open: 50n, shares: 5n },
      ]);
      await receiver.arm(Attack.Claim, true, claimOf(f, t, 0, 1n), ethers.ZeroAddress);
      await expect(distributor.claim(modelId, 1n, ...t.args(0)))
        .to.be.revertedWithCustomError(distributor, "DistributorAlreadyClaimed")
        .withArgs(modelId, 1n, 0n);
      expect(await distributor.isClaimed(modelId, 1n, 0n)).to.equal(false);
      expect(await token.balanceOf(target)).to.equal(0n);
      expect(await shares.balanceOf(target, modelId)).to.equal(0n);
      expect((await distributor.epoch(modelId, 1n)).openRemaining).to.equal(150n);

      await receiver.arm(Attack.None, false, NO_CLAIM, ethers.ZeroAddress);
      await expect(distributor.claim(modelId, 1n, ...t.args(0)))
        .to.emit(distributor, "Claimed")
        .withArgs(modelId, 1n, target, 0n, 100n, 10n);
    });

    it("pays once when the hook's replay is caught: the inner claim fails with DistributorAlreadyClaimed", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, token, receiver, target, modelId } = f;
      const t = await postTree(f, [
        { account: target, open: 100n, shares: 10n },
        { account: f.alice.address, open: 50n, shares: 5n },
      ]);
      await receiver.arm(Attack.Claim, false, claimOf(f, t, 0, 1n), ethers.ZeroAddress);
      const tx = distributor.claim(modelId, 1n, ...t.args(0));
      const alreadyClaimed = distributor.interface.encodeErrorResult("DistributorAlreadyClaimed", [modelId, 1n, 0n]);
      await expect(tx).to.emit(receiver, "ReentryAttempted").withArgs(Attack.Claim, false, alreadyClaimed);
      await expect(tx).to.changeTokenBalances(token, [target, distributor], [100n, -100n]);
      const claimed = (await (await tx).wait()).logs.filter((log) => log.fragment?.name === "Claimed");
      expect(claimed).to.have.length(1);
      expect(await shares.balanceOf(target, modelId)).to.equal(10n);
      const epoch = await distributor.epoch(modelId, 1n);
      expect([epoch.openRemaining, epoch.sharesRemaining]).to.deep.equal([50n, 5n]);
    });

    it("rejects a replay through claimBatch from the hook, as a whole or caught", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, receiver, target, modelId } = f;
      const t = await postTree(f, [{ account: target, open: 100n, shares: 10n }]);
      const replay = claimOf(f, t, 0, 1n);
      await receiver.arm(Attack.ClaimBatch, true, replay, ethers.ZeroAddress);
      await expect(distributor.claimBatch([replay]))
        .to.be.revertedWithCustomError(distributor, "DistributorAlreadyClaimed")
        .withArgs(modelId, 1n, 0n);
      expect(await distributor.isClaimed(modelId, 1n, 0n)).to.equal(false);

      await receiver.arm(Attack.ClaimBatch, false, replay, ethers.ZeroAddress);
      const alreadyClaimed = distributor.interface.encodeErrorResult("DistributorAlreadyClaimed", [modelId, 1n, 0n]);
      await expect(distributor.claimBatch([replay]))
        .to.emit(receiver, "ReentryAttempted")
        .withArgs(Attack.ClaimBatch, false, alreadyClaimed);
      expect(await shares.balanceOf(target, modelId)).to.equal(10n);
      expect((await distributor.epoch(modelId, 1n)).openRemaining).to.equal(0n);
    });

    it("pays every leaf of an outer batch once while the hook replays the first", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, token, receiver, target, modelId, alice } = f;
      const t = await postTree(f, [
        { account: target, open: 100n, shares: 10n },
        { account: alice.address, open: 50n, shares: 5n },
      ]);
      await receiver.arm(Attack.Claim, false, claimOf(f, t, 0, 1n), ethers.ZeroAddress);
      const tx = distributor.claimBatch([claimOf(f, t, 0, 1n), claimOf(f, t, 1, 1n)]);
      const alreadyClaimed = distributor.interface.encodeErrorResult("DistributorAlreadyClaimed", [modelId, 1n, 0n]);
      await expect(tx).to.emit(receiver, "ReentryAttempted").withArgs(Attack.Claim, false, alreadyClaimed);
      await expect(tx).to.changeTokenBalances(token, [target, alice, distributor], [100n, 50n, -150n]);
      const claimed = (await (await tx).wait()).logs.filter((log) => log.fragment?.name === "Claimed");
      expect(claimed.map((log) => log.args.index)).to.deep.equal([0n, 1n]);
      const epoch = await distributor.epoch(modelId, 1n);
      expect([epoch.openRemaining, epoch.sharesRemaining]).to.deep.equal([0n, 0n]);
    });
  });

  describe("withdrawRevenue", function () {
    it("pays a holder claiming more shares only the revenue accrued before them, once", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, token, receiver, target, modelId, alice, funder } = f;
      const accrued = await holdersWithRevenue(f);
      const t = await postTree(f, [{ account: target, open: 7n, shares: 20n * OPEN }], { epoch: 2n });
      await receiver.arm(Attack.WithdrawRevenue, false, NO_CLAIM, ethers.ZeroAddress);

      const tx = distributor.claim(modelId, 2n, ...t.args(0));
      await expect(tx)
        .to.emit(receiver, "ReentryAttempted")
        .withArgs(Attack.WithdrawRevenue, true, coder.encode(["uint256"], [accrued]));
      await expect(tx).to.emit(shares, "RevenueWithdrawn").withArgs(modelId, target, accrued);
      await expect(tx).to.changeTokenBalances(token, [target, shares], [7n + accrued, -accrued]);
      expect(await shares.withdrawableRevenue(modelId, target)).to.equal(0n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(accrued);

      // The next deposit is shared 30 : 10 by balance; nothing the receiver withdrew comes back.
      await shares.connect(funder).depositRevenue(modelId, 1000n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, target)).to.equal(525n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(accrued + 175n * OPEN);
      expect(await token.balanceOf(await shares.getAddress())).to.equal(accrued + 700n * OPEN);
    });

    it("finds nothing to withdraw on shares minted after the revenue, as a whole or caught", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, receiver, target, modelId, alice, funder } = f;
      const first = await postTree(f, [{ account: alice.address, open: 0n, shares: OPEN }]);
      await distributor.claim(modelId, 1n, ...first.args(0));
      await shares.connect(funder).depositRevenue(modelId, 1000n * OPEN);
      const t = await postTree(f, [{ account: target, open: 0n, shares: OPEN }], { epoch: 2n });

      await receiver.arm(Attack.WithdrawRevenue, true, NO_CLAIM, ethers.ZeroAddress);
      await expect(distributor.claim(modelId, 2n, ...t.args(0)))
        .to.be.revertedWithCustomError(shares, "SharesNothingToWithdraw")
        .withArgs(modelId, target);

      await receiver.arm(Attack.WithdrawRevenue, false, NO_CLAIM, ethers.ZeroAddress);
      const nothing = shares.interface.encodeErrorResult("SharesNothingToWithdraw", [modelId, target]);
      await expect(distributor.claim(modelId, 2n, ...t.args(0)))
        .to.emit(receiver, "ReentryAttempted")
        .withArgs(Attack.WithdrawRevenue, false, nothing);
      expect(await shares.withdrawableRevenue(modelId, target)).to.equal(0n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(700n * OPEN);
    });

    it("pays the receiver of a transfer only its own revenue, leaving the sender's with the sender", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { shares, token, receiver, target, modelId, alice } = f;
      const accrued = await holdersWithRevenue(f);
      await receiver.arm(Attack.WithdrawRevenue, false, NO_CLAIM, ethers.ZeroAddress);
      const tx = shares.connect(alice).safeTransferFrom(alice.address, target, modelId, 4n * OPEN, "0x");
      await expect(tx).to.emit(shares, "RevenueWithdrawn").withArgs(modelId, target, accrued);
      await expect(tx).to.changeTokenBalances(token, [target, alice, shares], [accrued, 0n, -accrued]);
      expect(await shares.withdrawableRevenue(modelId, target)).to.equal(0n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(accrued);
    });
  });

  describe("transfers", function () {
    it("keep the books when the hook forwards freshly claimed shares", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, receiver, target, modelId, alice, bob, funder } = f;
      const accrued = await holdersWithRevenue(f);
      const t = await postTree(f, [{ account: target, open: 0n, shares: 20n * OPEN }], { epoch: 2n });
      await receiver.arm(Attack.Transfer, false, NO_CLAIM, bob.address);

      const tx = distributor.claim(modelId, 2n, ...t.args(0));
      await expect(tx).to.emit(receiver, "ReentryAttempted").withArgs(Attack.Transfer, true, "0x");
      await expect(tx)
        .to.emit(shares, "TransferSingle")
        .withArgs(target, target, bob.address, modelId, 20n * OPEN);
      expect(await shares.balanceOf(target, modelId)).to.equal(10n * OPEN);
      expect(await shares.balanceOf(bob.address, modelId)).to.equal(20n * OPEN);
      expect(await shares.totalSupply(modelId)).to.equal(40n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, target)).to.equal(accrued);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(0n);

      await shares.connect(funder).depositRevenue(modelId, 400n * OPEN); // 280 OPEN to holders, 10 : 10 : 20
      expect(await shares.withdrawableRevenue(modelId, target)).to.equal(accrued + 70n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(accrued + 70n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(140n * OPEN);
      expect((await shares.connect(bob).withdrawRevenue.staticCall(modelId))).to.equal(140n * OPEN);
    });

    it("undo the claim when forwarding from the hook fails", async function () {
      const f = await loadFixture(reentrancyFixture);
      const { distributor, shares, receiver, target, modelId } = f;
      const t = await postTree(f, [{ account: target, open: 5n, shares: 3n }]);
      await receiver.arm(Attack.Transfer, true, NO_CLAIM, ethers.ZeroAddress);
      await expect(distributor.claim(modelId, 1n, ...t.args(0)))
        .to.be.revertedWithCustomError(shares, "ERC1155InvalidReceiver")
        .withArgs(ethers.ZeroAddress);
      expect(await distributor.isClaimed(modelId, 1n, 0n)).to.equal(false);
      expect(await shares.totalSupply(modelId)).to.equal(0n);
    });
  });

  it("the receiver declares the ERC-1155 receiver interface", async function () {
    const { receiver } = await loadFixture(reentrancyFixture);
    expect(await receiver.supportsInterface("0x4e2312e0")).to.equal(true);
    expect(await receiver.supportsInterface("0x01ffc9a7")).to.equal(true);
    expect(await receiver.supportsInterface("0xffffffff")).to.equal(false);
  });
});
