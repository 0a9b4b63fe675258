const { ethers } = require("hardhat");
const { expect } = require("chai");
const { loadFixture } = require("@nomicfoundation/hardhat-network-helpers");
const { OPEN, POLICY, buildTree, deployRewardsFixture, distributorSigner, sealEvaluation } = require("./helpers/rewards");
const { time } = require("@nomicfoundation/hardhat-network-helpers");

async function sharesFixture() {
  const f = await deployRewardsFixture();
  return { ...f, minter: await distributorSigner(f) };
}

// Sums a deposit's split the way the contract does: each cut rounds down, holders take the rest.
function split(amount, policy = POLICY) {
  const toOwner = (amount * BigInt(policy.ownerBps)) / 10_000n;
  const toPool = (amount * BigInt(policy.poolBps)) / 10_000n;
  return { toOwner, toPool, toHolders: amount - toOwner - toPool };
}

describe("ModelShares", function () {
  describe("constructor", function () {
    it("is owned by the admin and serves a fixed metadata template", async function () {
      const { shares, admin } = await loadFixture(sharesFixture);
      expect(await shares.owner()).to.equal(admin.address);
      expect(await shares.uri(1)).to.equal("https://openledger.network/models/{id}/shares.json");
    });
  });

  describe("setRewardDistributor", function () {
    it("is wired once by deployAll", async function () {
      const { shares, distributor } = await loadFixture(sharesFixture);
      expect(await shares.rewardDistributor()).to.equal(await distributor.getAddress());
    });

    it("rejects a second wiring", async function () {
      const { shares, distributor, admin, other } = await loadFixture(sharesFixture);
      await expect(shares.connect(admin).setRewardDistributor(other.address))
        .to.be.revertedWithCustomError(shares, "SharesDistributorAlreadySet")
        .withArgs(await distributor.getAddress());
      expect(await shares.rewardDistributor()).to.equal(await distributor.getAddress());
    });

    it("rejects anyone but the owner", async function () {
      const { token, registry, admin, other } = await loadFixture(sharesFixture);
      const fresh = await ethers.deployContract("ModelShares", [token, registry, admin.address]);
      await expect(fresh.connect(other).setRewardDistributor(other.address))
        .to.be.revertedWithCustomError(fresh, "OwnableUnauthorizedAccount")
        .withArgs(other.address);
      expect(await fresh.rewardDistributor()).to.equal(ethers.ZeroAddress);
    });
  });

  describe("mint", function () {
    it("mints shares of the model to the account and counts the supply", async function () {
      const { shares, minter, modelId, alice } = await loadFixture(sharesFixture);
      await expect(shares.connect(minter).mint(alice.address, modelId, 5n * OPEN))
        .to.emit(shares, "TransferSingle")
        .withArgs(minter.address, ethers.ZeroAddress, alice.address, modelId, 5n * OPEN);
      expect(await shares.balanceOf(alice.address, modelId)).to.equal(5n * OPEN);
      expect(await shares.totalSupply(modelId)).to.equal(5n * OPEN);
    });

    it("rejects anyone but the distributor", async function () {
      const { shares, modelId, alice } = await loadFixture(sharesFixture);
      await expect(shares.connect(alice).mint(alice.address, modelId, 1n))
        .to.be.revertedWithCustomError(shares, "SharesNotDistributor")
        .withArgs(alice.address);
      expect(await shares.totalSupply(modelId)).to.equal(0n);
    });

    it("rejects a model that does not exist", async function () {
      const { shares, minter, alice } = await loadFixture(sharesFixture);
      await expect(shares.connect(minter).mint(alice.address, 7n, 1n))
        .to.be.revertedWithCustomError(shares, "SharesUnknownModel")
        .withArgs(7n);
      expect(await shares.totalSupply(7n)).to.equal(0n);
    });

    it("leaves the model without holders on a mint of zero shares, so revenue still goes to the pool", async function () {
      const { shares, distributor, minter, modelId, alice, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 0n);
      expect(await shares.totalSupply(modelId)).to.equal(0n);
      const { toOwner, toPool, toHolders } = split(1000n);
      await expect(shares.connect(funder).depositRevenue(modelId, 1000n))
        .to.emit(shares, "RevenueDeposited")
        .withArgs(modelId, funder.address, 1000n, toOwner, toPool + toHolders, 0n);
      expect(await distributor.rewardPool(modelId)).to.equal(toPool + toHolders);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(0n);
    });
  });

  describe("depositRevenue", function () {
    it("pays the owner, funds the reward pool and keeps the holders' cut", async function () {
      const { shares, token, distributor, minter, modelId, modelOwner, alice, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 3n);
      const amount = 1000n * OPEN;
      const { toOwner, toPool, toHolders } = split(amount);
      const tx = shares.connect(funder).depositRevenue(modelId, amount);
      await expect(tx)
        .to.emit(shares, "RevenueDeposited")
        .withArgs(modelId, funder.address, amount, toOwner, toPool, toHolders);
      await expect(tx)
        .to.emit(distributor, "RewardPoolFunded")
        .withArgs(modelId, await shares.getAddress(), toPool);
      await expect(tx).to.changeTokenBalances(
        token,
        [funder, modelOwner, distributor, shares],
        [-amount, toOwner, toPool, toHolders],
      );
      expect(await distributor.rewardPool(modelId)).to.equal(toPool);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(toHolders - 1n); // 1/3 rounding dust
    });

    it("splits the holders' cut pro rata to balances", async function () {
      const { shares, minter, modelId, alice, bob, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 1n * OPEN);
      await shares.connect(minter).mint(bob.address, modelId, 3n * OPEN);
      await shares.connect(funder).depositRevenue(modelId, 400n * OPEN);
      const { toHolders } = split(400n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(toHolders / 4n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal((toHolders * 3n) / 4n);
    });

    it("sends the holders' cut to the reward pool, in one funding call, while no share exists", async function () {
      const { shares, token, distributor, modelId, modelOwner, funder } = await loadFixture(sharesFixture);
      const amount = 100n * OPEN;
      const { toOwner, toPool, toHolders } = split(amount);
      const tx = shares.connect(funder).depositRevenue(modelId, amount);
      await expect(tx)
        .to.emit(shares, "RevenueDeposited")
        .withArgs(modelId, funder.address, amount, toOwner, toPool + toHolders, 0n);
      await expect(tx)
        .to.emit(distributor, "RewardPoolFunded")
        .withArgs(modelId, await shares.getAddress(), toPool + toHolders);
      await expect(tx).to.changeTokenBalances(
        token,
        [funder, modelOwner, distributor, shares],
        [-amount, toOwner, toPool + toHolders, 0n],
      );
      const receipt = await (await tx).wait();
      const fundings = receipt.logs.filter((log) => log.address === distributor.target);
      expect(fundings).to.have.length(1);
      expect(await distributor.rewardPool(modelId)).to.equal(toPool + toHolders);
    });

    it("gives the first holders nothing that arrived before their shares", async function () {
      const { shares, distributor, minter, modelId, alice, bob, funder } = await loadFixture(sharesFixture);
      await shares.connect(funder).depositRevenue(modelId, 100n * OPEN);
      await shares.connect(funder).depositRevenue(modelId, 50n * OPEN);
      const pooled = 150n * OPEN - split(100n * OPEN).toOwner - split(50n * OPEN).toOwner;
      expect(await distributor.rewardPool(modelId)).to.equal(pooled);
      await shares.connect(minter).mint(alice.address, modelId, 7n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(0n);
      await shares.connect(minter).mint(bob.address, modelId, 7n);
      await shares.connect(funder).depositRevenue(modelId, 20n * OPEN);
      const { toHolders } = split(20n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(toHolders / 2n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(toHolders / 2n);
      expect(await distributor.rewardPool(modelId)).to.equal(pooled + split(20n * OPEN).toPool);
    });

    it("pays revenue that arrived before any share to every contributor of the next epoch, whoever claims first", async function () {
      const f = await loadFixture(sharesFixture);
      const { shares, distributor, reporter, modelId, alice, bob, funder } = f;
      await shares.connect(funder).depositRevenue(modelId, 1000n * OPEN);
      const pool = await distributor.rewardPool(modelId);
      expect(pool).to.equal(900n * OPEN); // 20% pool cut + 70% holders' cut
      const t = buildTree([
        { account: alice.address, open: pool / 2n, shares: OPEN },
        { account: bob.address, open: pool / 2n, shares: OPEN },
      ]);
      await sealEvaluation(f, 1n);
      await distributor.connect(reporter).postEpoch(modelId, 1n, t.root, t.totalOpen, t.totalShares, ethers.ZeroHash, "");
      await time.increase(await distributor.challengeWindow());
      await distributor.claim(modelId, 1n, ...t.args(0));
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(0n);
      await distributor.claim(modelId, 1n, ...t.args(1));
      await shares.connect(funder).depositRevenue(modelId, 1000n * OPEN);
      const { toHolders } = split(1000n * OPEN);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(toHolders / 2n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(toHolders / 2n);
    });

    it("routes the holders' cut to the pool while no share exists even when the policy has no pool cut", async function () {
      const { shares, registry, distributor, modelId, modelOwner, funder } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).setPolicy(modelId, { ...POLICY, ownerBps: 1000, poolBps: 0 });
      const tx = shares.connect(funder).depositRevenue(modelId, 1000n);
      await expect(tx).to.emit(shares, "RevenueDeposited").withArgs(modelId, funder.address, 1000n, 100n, 900n, 0n);
      await expect(tx).to.emit(distributor, "RewardPoolFunded").withArgs(modelId, await shares.getAddress(), 900n);
      expect(await distributor.rewardPool(modelId)).to.equal(900n);
    });

    it("skips funding the pool when nothing is left for it with no share in existence", async function () {
      const { shares, registry, token, distributor, modelId, modelOwner, funder } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).setPolicy(modelId, { ...POLICY, ownerBps: 10_000, poolBps: 0 });
      const tx = shares.connect(funder).depositRevenue(modelId, 1000n);
      await expect(tx).to.emit(shares, "RevenueDeposited").withArgs(modelId, funder.address, 1000n, 1000n, 0n, 0n);
      await expect(tx).not.to.emit(distributor, "RewardPoolFunded");
      await expect(tx).to.changeTokenBalances(token, [funder, modelOwner, shares], [-1000n, 1000n, 0n]);
      expect(await distributor.rewardPool(modelId)).to.equal(0n);
    });

    it("pays everything to the owner and the pool when the policy leaves holders nothing", async function () {
      const { shares, registry, minter, modelId, modelOwner, alice, funder } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).setPolicy(modelId, { ...POLICY, ownerBps: 4000, poolBps: 6000 });
      await shares.connect(minter).mint(alice.address, modelId, 1n);
      await expect(shares.connect(funder).depositRevenue(modelId, 1000n))
        .to.emit(shares, "RevenueDeposited")
        .withArgs(modelId, funder.address, 1000n, 400n, 600n, 0n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(0n);
    });

    it("gives holders everything when the policy has no owner or pool cut", async function () {
      const { shares, registry, distributor, minter, modelId, modelOwner, alice, funder } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).setPolicy(modelId, { ...POLICY, ownerBps: 0, poolBps: 0 });
      await shares.connect(minter).mint(alice.address, modelId, 1n);
      await expect(shares.connect(funder).depositRevenue(modelId, 1000n))
        .to.emit(shares, "RevenueDeposited")
        .withArgs(modelId, funder.address, 1000n, 0n, 0n, 1000n);
      expect(await distributor.rewardPool(modelId)).to.equal(0n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(1000n);
    });

    it("rejects a deposit of zero", async function () {
      const { shares, modelId, funder } = await loadFixture(sharesFixture);
      await expect(shares.connect(funder).depositRevenue(modelId, 0n)).to.be.revertedWithCustomError(shares, "SharesZeroAmount");
    });

    it("rejects a model that does not exist and changes nothing", async function () {
      const { shares, token, distributor, modelId, funder } = await loadFixture(sharesFixture);
      await expect(shares.connect(funder).depositRevenue(9n, 100n))
        .to.be.revertedWithCustomError(shares, "SharesUnknownModel")
        .withArgs(9n);
      expect(await token.balanceOf(await shares.getAddress())).to.equal(0n);
      expect(await distributor.rewardPool(modelId)).to.equal(0n);
    });

    it("rejects deposits before the distributor is wired", async function () {
      const { token, registry, admin, modelId, funder } = await loadFixture(sharesFixture);
      const fresh = await ethers.deployContract("ModelShares", [token, registry, admin.address]);
      await token.connect(funder).approve(await fresh.getAddress(), 100n);
      await expect(fresh.connect(funder).depositRevenue(modelId, 100n)).to.be.revertedWithCustomError(
        fresh,
        "SharesDistributorNotSet",
      );
    });

    it("rejects a deposit the depositor has not approved", async function () {
      const { shares, token, distributor, modelId, other } = await loadFixture(sharesFixture);
      await token.connect(other).approve(await shares.getAddress(), 10n);
      await expect(shares.connect(other).depositRevenue(modelId, 11n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await shares.getAddress(), 10n, 11n);
      expect(await distributor.rewardPool(modelId)).to.equal(0n);
    });
  });

  describe("withdrawRevenue", function () {
    it("pays the accrued revenue once", async function () {
      const { shares, token, minter, modelId, alice, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 2n * OPEN);
      await shares.connect(funder).depositRevenue(modelId, 100n * OPEN);
      const { toHolders } = split(100n * OPEN);
      const tx = shares.connect(alice).withdrawRevenue(modelId);
      await expect(tx).to.emit(shares, "RevenueWithdrawn").withArgs(modelId, alice.address, toHolders);
      await expect(tx).to.changeTokenBalances(token, [alice, shares], [toHolders, -toHolders]);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(0n);
      await expect(shares.connect(alice).withdrawRevenue(modelId))
        .to.be.revertedWithCustomError(shares, "SharesNothingToWithdraw")
        .withArgs(modelId, alice.address);
    });

    it("returns the amount it paid", async function () {
      const { shares, minter, modelId, alice, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 1n);
      await shares.connect(funder).depositRevenue(modelId, 1000n);
      expect(await shares.connect(alice).withdrawRevenue.staticCall(modelId)).to.equal(700n);
    });

    it("rejects an account with nothing accrued", async function () {
      const { shares, modelId, bob } = await loadFixture(sharesFixture);
      await expect(shares.connect(bob).withdrawRevenue(modelId))
        .to.be.revertedWithCustomError(shares, "SharesNothingToWithdraw")
        .withArgs(modelId, bob.address);
    });

    it("carries the remainder below one wei to the next deposit", async function () {
      const { shares, minter, modelId, alice, bob, funder, registry, modelOwner } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).setPolicy(modelId, { ...POLICY, ownerBps: 0, poolBps: 0 });
      await shares.connect(minter).mint(alice.address, modelId, 1n);
      await shares.connect(minter).mint(bob.address, modelId, 1n);
      await shares.connect(funder).depositRevenue(modelId, 1n); // half a wei each
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(0n);
      await shares.connect(funder).depositRevenue(modelId, 1n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(1n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(1n);
    });
  });

  describe("transfers", function () {
    it("leave revenue accrued before the transfer with the sender", async function () {
      const { shares, minter, modelId, alice, bob, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 4n * OPEN);
      await shares.connect(funder).depositRevenue(modelId, 100n * OPEN);
      const first = split(100n * OPEN).toHolders;
      await shares.connect(alice).safeTransferFrom(alice.address, bob.address, modelId, 3n * OPEN, "0x");
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(first);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(0n);

      await shares.connect(funder).depositRevenue(modelId, 200n * OPEN);
      const second = split(200n * OPEN).toHolders;
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(first + second / 4n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal((second * 3n) / 4n);
      expect(await shares.totalSupply(modelId)).to.equal(4n * OPEN);
    });

    it("move debt per model in a batch transfer", async function () {
      const { shares, registry, minter, modelId, modelOwner, alice, bob, funder } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).createModel("ipfs://model-2", { ...POLICY, ownerBps: 0, poolBps: 0 });
      await shares.connect(minter).mint(alice.address, modelId, 10n);
      await shares.connect(minter).mint(alice.address, 2n, 10n);
      await shares.connect(funder).depositRevenue(modelId, 1000n);
      await shares.connect(funder).depositRevenue(2n, 1000n);
      await shares.connect(alice).safeBatchTransferFrom(alice.address, bob.address, [modelId, 2n], [5n, 10n], "0x");
      await shares.connect(funder).depositRevenue(2n, 500n);
      expect(await shares.withdrawableRevenue(2n, alice.address)).to.equal(1000n);
      expect(await shares.withdrawableRevenue(2n, bob.address)).to.equal(500n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(0n);
    });

    it("let a receiver that already withdrew keep earning only on its new balance", async function () {
      const { shares, minter, modelId, alice, bob, funder, registry, modelOwner } = await loadFixture(sharesFixture);
      await registry.connect(modelOwner).setPolicy(modelId, { ...POLICY, ownerBps: 0, poolBps: 0 });
      await shares.connect(minter).mint(alice.address, modelId, 1n);
      await shares.connect(minter).mint(bob.address, modelId, 1n);
      await shares.connect(funder).depositRevenue(modelId, 100n);
      await shares.connect(bob).withdrawRevenue(modelId);
      await shares.connect(alice).safeTransferFrom(alice.address, bob.address, modelId, 1n, "0x");
      await shares.connect(funder).depositRevenue(modelId, 100n);
      expect(await shares.withdrawableRevenue(modelId, bob.address)).to.equal(100n);
      expect(await shares.withdrawableRevenue(modelId, alice.address)).to.equal(50n);
    });

    it("reject moving more shares than held and change nothing", async function () {
      const { shares, minter, modelId, alice, bob } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 1n);
      await expect(shares.connect(alice).safeTransferFrom(alice.address, bob.address, modelId, 2n, "0x"))
        .to.be.revertedWithCustomError(shares, "ERC1155InsufficientBalance")
        .withArgs(alice.address, 1n, 2n, modelId);
      expect(await shares.balanceOf(alice.address, modelId)).to.equal(1n);
    });
  });

  describe("gas", function () {
    it("reports deposit, transfer and withdrawal costs", async function () {
      const { shares, minter, modelId, alice, bob, funder } = await loadFixture(sharesFixture);
      await shares.connect(minter).mint(alice.address, modelId, 10n * OPEN);
      await shares.connect(minter).mint(bob.address, modelId, 10n * OPEN);
      const deposit = await (await shares.connect(funder).depositRevenue(modelId, 100n * OPEN)).wait();
      const send = async () =>
        (await shares.connect(alice).safeTransferFrom(alice.address, bob.address, modelId, OPEN, "0x")).wait();
      const firstTransfer = await send(); // both debt words go from zero to non-zero
      const laterTransfer = await send();
      const withdraw = await (await shares.connect(alice).withdrawRevenue(modelId)).wait();
      console.log(
        `      gas: depositRevenue ${deposit.gasUsed}, safeTransferFrom ${firstTransfer.gasUsed} (first after revenue), ` +
          `${laterTransfer.gasUsed} (later), withdrawRevenue ${withdraw.gasUsed}`,
      );
      expect(laterTransfer.gasUsed).to.be.lessThan(firstTransfer.gasUsed);
    });
  });
});
