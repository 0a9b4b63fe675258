const hre = require("hardhat");
const { ethers } = hre;
const { expect } = require("chai");
const { loadFixture, time } = require("@nomicfoundation/hardhat-network-helpers");
const { OPEN, POLICY, WINDOW, buildTree, deployRewardsFixture, postTree, sealEvaluation } = require("./helpers/rewards");

const MAX_UINT128 = 2n ** 128n - 1n;
const REPORT_HASH = ethers.id("report");

// A two-leaf-plus tree over alice, bob and carol, funded and posted as epoch 1; its window still open.
async function postedFixture() {
  const f = await deployRewardsFixture();
  const leaves = [
    { account: f.alice.address, open: 100n * OPEN, shares: 10n * OPEN },
    { account: f.bob.address, open: 50n * OPEN, shares: 0n },
    { account: f.carol.address, open: 0n, shares: 5n * OPEN },
  ];
  const t = await postTree(f, leaves, { open: false });
  return { ...f, t };
}

async function claimableFixture() {
  const f = await postedFixture();
  await time.increase(WINDOW);
  return f;
}

describe("RewardDistributor", function () {
  describe("constructor", function () {
    it("gives the admin DEFAULT_ADMIN_ROLE and sets the challenge window", async function () {
      const { distributor, admin, reporter, guardian } = await loadFixture(deployRewardsFixture);
      expect(await distributor.hasRole(await distributor.DEFAULT_ADMIN_ROLE(), admin.address)).to.equal(true);
      expect(await distributor.hasRole(await distributor.REPORTER_ROLE(), reporter.address)).to.equal(true);
      expect(await distributor.hasRole(await distributor.GUARDIAN_ROLE(), guardian.address)).to.equal(true);
      expect(await distributor.challengeWindow()).to.equal(WINDOW);
    });

    it("names its roles by the hash of their names", async function () {
      const { distributor } = await loadFixture(deployRewardsFixture);
      expect(await distributor.REPORTER_ROLE()).to.equal(ethers.id("REPORTER_ROLE"));
      expect(await distributor.GUARDIAN_ROLE()).to.equal(ethers.id("GUARDIAN_ROLE"));
    });

    it("announces the initial challenge window", async function () {
      const { distributor, receipts } = await loadFixture(deployRewardsFixture);
      const logs = receipts.RewardDistributor.logs.map((log) => distributor.interface.parseLog(log)).filter(Boolean);
      const updated = logs.find((log) => log.name === "ChallengeWindowUpdated");
      expect(updated.args.challengeWindow).to.equal(WINDOW);
    });
  });

  describe("fundRewardPool", function () {
    it("pulls OPEN into the model's pool", async function () {
      const { distributor, token, modelId, funder } = await loadFixture(deployRewardsFixture);
      const tx = distributor.connect(funder).fundRewardPool(modelId, 7n * OPEN);
      await expect(tx).to.emit(distributor, "RewardPoolFunded").withArgs(modelId, funder.address, 7n * OPEN);
      await expect(tx).to.changeTokenBalances(token, [funder, distributor], [-7n * OPEN, 7n * OPEN]);
      expect(await distributor.rewardPool(modelId)).to.equal(7n * OPEN);
    });

    it("rejects zero", async function () {
      const { distributor, modelId, funder } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(funder).fundRewardPool(modelId, 0n)).to.be.revertedWithCustomError(
        distributor,
        "DistributorZeroAmount",
      );
    });

    it("rejects a model that does not exist and changes nothing", async function () {
      const { distributor, funder } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(funder).fundRewardPool(5n, 1n))
        .to.be.revertedWithCustomError(distributor, "DistributorUnknownModel")
        .withArgs(5n);
      expect(await distributor.rewardPool(5n)).to.equal(0n);
    });

    it("rejects a funder without allowance", async function () {
      const { distributor, token, modelId, other } = await loadFixture(deployRewardsFixture);
      await token.connect(other).approve(await distributor.getAddress(), 0n);
      await expect(distributor.connect(other).fundRewardPool(modelId, 1n))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await distributor.getAddress(), 0n, 1n);
      expect(await distributor.rewardPool(modelId)).to.equal(0n);
    });
  });

  describe("postEpoch", function () {
    it("reserves the epoch's OPEN from the pool and records the epoch", async function () {
      const f = await loadFixture(deployRewardsFixture);
      const { distributor, reporter, funder, modelId } = f;
      await sealEvaluation(f, 1n);
      await distributor.connect(funder).fundRewardPool(modelId, 300n);
      const root = ethers.id("root");
      const tx = distributor.connect(reporter).postEpoch(modelId, 1n, root, 200n, 50n, REPORT_HASH, "ipfs://r1");
      const endsAt = BigInt(await time.latest()) + 1n + WINDOW;
      await expect(tx)
        .to.emit(distributor, "EpochPosted")
        .withArgs(modelId, 1n, root, 200n, 50n, REPORT_HASH, "ipfs://r1", endsAt);
      expect(await distributor.rewardPool(modelId)).to.equal(100n);
      expect(await distributor.lastEpoch(modelId)).to.equal(1n);
      const posted = await distributor.epoch(modelId, 1n);
      expect(posted.root).to.equal(root);
      expect(posted.reportHash).to.equal(REPORT_HASH);
      expect([posted.totalOpen, posted.totalShares, posted.openRemaining, posted.sharesRemaining]).to.deep.equal([
        200n,
        50n,
        200n,
        50n,
      ]);
      expect(posted.challengeEndsAt).to.equal(endsAt);
      expect(posted.status).to.equal(1n); // Posted
    });

    it("accepts epochs one after the other", async function () {
      const f = await loadFixture(postedFixture);
      await postTree(f, [{ account: f.alice.address, open: 1n, shares: 1n }], { epoch: 2n });
      expect(await f.distributor.lastEpoch(f.modelId)).to.equal(2n);
    });

    it("returns an all-zero epoch for one never posted", async function () {
      const { distributor, modelId } = await loadFixture(deployRewardsFixture);
      const none = await distributor.epoch(modelId, 3n);
      expect(none.root).to.equal(ethers.ZeroHash);
      expect(none.status).to.equal(0n);
    });

    it("rejects anyone without the reporter role", async function () {
      const { distributor, modelId, other } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(other).postEpoch(modelId, 1n, ethers.id("r"), 0n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(distributor, "AccessControlUnauthorizedAccount")
        .withArgs(other.address, await distributor.REPORTER_ROLE());
      expect(await distributor.lastEpoch(modelId)).to.equal(0n);
    });

    it("rejects a model that does not exist", async function () {
      const { distributor, reporter } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(reporter).postEpoch(4n, 1n, ethers.id("r"), 0n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(distributor, "DistributorUnknownModel")
        .withArgs(4n);
    });

    for (const [name, epoch] of [
      ["epoch zero", 0n],
      ["a skipped epoch", 2n],
    ]) {
      it(`rejects ${name} as the first epoch`, async function () {
        const { distributor, reporter, modelId } = await loadFixture(deployRewardsFixture);
        await expect(distributor.connect(reporter).postEpoch(modelId, epoch, ethers.id("r"), 0n, 0n, REPORT_HASH, ""))
          .to.be.revertedWithCustomError(distributor, "DistributorEpochOutOfOrder")
          .withArgs(modelId, epoch, 1n);
        expect(await distributor.lastEpoch(modelId)).to.equal(0n);
      });
    }

    it("rejects posting an epoch that was not vetoed again", async function () {
      const { distributor, reporter, modelId, t } = await loadFixture(postedFixture);
      await expect(distributor.connect(reporter).postEpoch(modelId, 1n, t.root, 0n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(distributor, "DistributorEpochOutOfOrder")
        .withArgs(modelId, 1n, 2n);
      expect((await distributor.epoch(modelId, 1n)).totalOpen).to.equal(t.totalOpen);
    });

    it("accepts a vetoed epoch again", async function () {
      const f = await loadFixture(postedFixture);
      await f.distributor.connect(f.guardian).vetoEpoch(f.modelId, 1n, "bad");

      const repost = buildTree([{ account: f.alice.address, open: 1n, shares: 2n }]);
      await expect(f.distributor.connect(f.reporter).postEpoch(f.modelId, 1n, repost.root, 1n, 2n, REPORT_HASH, "x"))
        .to.emit(f.distributor, "EpochPosted");
      const reposted = await f.distributor.epoch(f.modelId, 1n);
      expect([reposted.root, reposted.status, reposted.totalOpen]).to.deep.equal([repost.root, 1n, 1n]);
      expect(await f.distributor.rewardPool(f.modelId)).to.equal(f.t.totalOpen - 1n);
    });

    it("accepts the epoch after a vetoed one", async function () {
      const f = await loadFixture(postedFixture);
      await f.distributor.connect(f.guardian).vetoEpoch(f.modelId, 1n, "bad");
      await sealEvaluation(f, 2n);
      await f.distributor.connect(f.reporter).postEpoch(f.modelId, 2n, ethers.id("r2"), 0n, 0n, REPORT_HASH, "");
      expect(await f.distributor.lastEpoch(f.modelId)).to.equal(2n);
      expect((await f.distributor.epoch(f.modelId, 1n)).status).to.equal(2n); // stays Vetoed
    });

    for (const [name, root, open, shares] of [
      ["a zero root", ethers.ZeroHash, 0n, 0n],
      ["OPEN above 128 bits", ethers.id("r"), MAX_UINT128 + 1n, 0n],
      ["shares above 128 bits", ethers.id("r"), 0n, MAX_UINT128 + 1n],
    ]) {
      it(`rejects ${name}`, async function () {
        const f = await loadFixture(deployRewardsFixture);
        const { distributor, reporter, modelId } = f;
        await sealEvaluation(f, 1n);
        await expect(distributor.connect(reporter).postEpoch(modelId, 1n, root, open, shares, REPORT_HASH, ""))
          .to.be.revertedWithCustomError(distributor, "DistributorInvalidEpoch")
          .withArgs(modelId, 1n);
        expect(await distributor.lastEpoch(modelId)).to.equal(0n);
      });
    }

    it("rejects an epoch that needs more OPEN than the pool holds", async function () {
      const f = await loadFixture(deployRewardsFixture);
      const { distributor, reporter, funder, modelId } = f;
      await sealEvaluation(f, 1n);
      await distributor.connect(funder).fundRewardPool(modelId, 99n);
      await expect(distributor.connect(reporter).postEpoch(modelId, 1n, ethers.id("r"), 100n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(distributor, "DistributorInsufficientPool")
        .withArgs(modelId, 100n, 99n);
      expect(await distributor.rewardPool(modelId)).to.equal(99n);
      expect(await distributor.lastEpoch(modelId)).to.equal(0n);
    });

    it("rejects an epoch whose evaluation set was not committed", async function () {
      const f = await loadFixture(postedFixture);
      await expect(f.distributor.connect(f.reporter).postEpoch(f.modelId, 2n, ethers.id("r2"), 0n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEvaluationNotCommitted")
        .withArgs(f.modelId, 2n);
      expect(await f.distributor.lastEpoch(f.modelId)).to.equal(1n);
    });

    it("does not take another model's commitment for the same epoch", async function () {
      const f = await loadFixture(deployRewardsFixture);
      await f.registry.connect(f.modelOwner).createModel("ipfs://model-2", POLICY);
      await sealEvaluation(f, 1n, 2n);
      await expect(f.distributor.connect(f.reporter).postEpoch(f.modelId, 1n, ethers.id("r"), 0n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEvaluationNotCommitted")
        .withArgs(f.modelId, 1n);
    });

    it("accepts the largest totals that fit 128 bits", async function () {
      const f = await loadFixture(deployRewardsFixture);
      const { distributor, reporter, modelId } = f;
      await sealEvaluation(f, 1n);
      await distributor.connect(reporter).postEpoch(modelId, 1n, ethers.id("r"), 0n, MAX_UINT128, REPORT_HASH, "");
      expect((await distributor.epoch(modelId, 1n)).sharesRemaining).to.equal(MAX_UINT128);
    });
  });

  describe("commitEvaluationSet", function () {
    const SET = ethers.id("held-out rows of epoch 1");

    it("lets the model owner seal a future epoch's test set, and records the block", async function () {
      const { distributor, modelOwner, modelId } = await loadFixture(deployRewardsFixture);
      const tx = distributor.connect(modelOwner).commitEvaluationSet(modelId, 1n, SET);
      await expect(tx).to.emit(distributor, "EvaluationSetCommitted").withArgs(modelId, 1n, SET);
      const block = (await (await tx).wait()).blockNumber;
      const sealed = await distributor.evaluationCommitment(modelId, 1n);
      expect([sealed.testSetHash, sealed.committedAtBlock]).to.deep.equal([SET, BigInt(block)]);
    });

    it("returns an all-zero commitment for an epoch without one", async function () {
      const { distributor, modelId } = await loadFixture(deployRewardsFixture);
      const none = await distributor.evaluationCommitment(modelId, 1n);
      expect([none.testSetHash, none.committedAtBlock]).to.deep.equal([ethers.ZeroHash, 0n]);
    });

    it("seals the epoch after the last posted one", async function () {
      const f = await loadFixture(postedFixture);
      await expect(f.distributor.connect(f.modelOwner).commitEvaluationSet(f.modelId, 2n, SET))
        .to.emit(f.distributor, "EvaluationSetCommitted")
        .withArgs(f.modelId, 2n, SET);
    });

    it("rejects an epoch beyond the next one", async function () {
      const { distributor, modelOwner, modelId } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(modelOwner).commitEvaluationSet(modelId, 2n, SET))
        .to.be.revertedWithCustomError(distributor, "DistributorEvaluationEpochNotNext")
        .withArgs(modelId, 2n, 1n);
      expect((await distributor.evaluationCommitment(modelId, 2n)).testSetHash).to.equal(ethers.ZeroHash);
    });

    it("lets another model seal the same hash for its own epochs", async function () {
      const f = await loadFixture(deployRewardsFixture);
      await f.registry.connect(f.modelOwner).createModel("ipfs://model-2", POLICY);
      await f.distributor.connect(f.modelOwner).commitEvaluationSet(f.modelId, 1n, SET);
      await expect(f.distributor.connect(f.modelOwner).commitEvaluationSet(2n, 1n, SET))
        .to.emit(f.distributor, "EvaluationSetCommitted")
        .withArgs(2n, 1n, SET);
    });

    it("rejects anyone but the model's owner", async function () {
      const { distributor, reporter, admin, modelId } = await loadFixture(deployRewardsFixture);
      for (const caller of [reporter, admin]) {
        await expect(distributor.connect(caller).commitEvaluationSet(modelId, 1n, SET))
          .to.be.revertedWithCustomError(distributor, "DistributorNotModelOwner")
          .withArgs(modelId, caller.address);
      }
      expect((await distributor.evaluationCommitment(modelId, 1n)).testSetHash).to.equal(ethers.ZeroHash);
    });

    it("rejects a model that does not exist", async function () {
      const { distributor, modelOwner } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(modelOwner).commitEvaluationSet(9n, 1n, SET))
        .to.be.revertedWithCustomError(distributor, "DistributorUnknownModel")
        .withArgs(9n);
    });

    it("rejects a zero hash", async function () {
      const { distributor, modelOwner, modelId } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(modelOwner).commitEvaluationSet(modelId, 1n, ethers.ZeroHash))
        .to.be.revertedWithCustomError(distributor, "DistributorZeroTestSetHash")
        .withArgs(modelId, 1n);
    });

    it("rejects epoch zero, which is never posted", async function () {
      const { distributor, modelOwner, modelId } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(modelOwner).commitEvaluationSet(modelId, 0n, SET))
        .to.be.revertedWithCustomError(distributor, "DistributorEvaluationEpochNotNext")
        .withArgs(modelId, 0n, 1n);
    });

    it("rejects a posted epoch, and a vetoed one, whose report revealed its set", async function () {
      const f = await loadFixture(postedFixture);
      await expect(f.distributor.connect(f.modelOwner).commitEvaluationSet(f.modelId, 1n, SET))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEvaluationEpochNotNext")
        .withArgs(f.modelId, 1n, 2n);
      await f.distributor.connect(f.guardian).vetoEpoch(f.modelId, 1n, "bad");
      await expect(f.distributor.connect(f.modelOwner).commitEvaluationSet(f.modelId, 1n, SET))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEvaluationEpochNotNext")
        .withArgs(f.modelId, 1n, 2n);
    });

    it("rejects a second commitment for the same epoch and keeps the first", async function () {
      const { distributor, modelOwner, modelId } = await loadFixture(deployRewardsFixture);
      await distributor.connect(modelOwner).commitEvaluationSet(modelId, 1n, SET);
      const other = ethers.id("a set chosen after seeing the contributions");
      await expect(distributor.connect(modelOwner).commitEvaluationSet(modelId, 1n, other))
        .to.be.revertedWithCustomError(distributor, "DistributorEvaluationAlreadyCommitted")
        .withArgs(modelId, 1n, SET);
      expect((await distributor.evaluationCommitment(modelId, 1n)).testSetHash).to.equal(SET);
    });

    it("never seals a set the model committed before, even once its epoch is posted", async function () {
      const f = await loadFixture(deployRewardsFixture);
      await f.distributor.connect(f.modelOwner).commitEvaluationSet(f.modelId, 1n, SET);
      await postTree(f, [{ account: f.alice.address, open: 1n, shares: 1n }]);
      await expect(f.distributor.connect(f.modelOwner).commitEvaluationSet(f.modelId, 2n, SET))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEvaluationSetReused")
        .withArgs(f.modelId, SET, 1n);
      expect((await f.distributor.evaluationCommitment(f.modelId, 2n)).testSetHash).to.equal(ethers.ZeroHash);
    });
  });

  describe("vetoEpoch", function () {
    it("lets the model owner veto inside the window and returns the reserve to the pool", async function () {
      const { distributor, modelOwner, modelId, t } = await loadFixture(postedFixture);
      await expect(distributor.connect(modelOwner).vetoEpoch(modelId, 1n, "wrong test set"))
        .to.emit(distributor, "EpochVetoed")
        .withArgs(modelId, 1n, modelOwner.address, "wrong test set");
      expect(await distributor.rewardPool(modelId)).to.equal(t.totalOpen);
      expect((await distributor.epoch(modelId, 1n)).status).to.equal(2n);
    });

    it("lets a guardian veto", async function () {
      const { distributor, guardian, modelId } = await loadFixture(postedFixture);
      await expect(distributor.connect(guardian).vetoEpoch(modelId, 1n, "fraud"))
        .to.emit(distributor, "EpochVetoed")
        .withArgs(modelId, 1n, guardian.address, "fraud");
    });

    it("accepts a veto up to the last second of the window", async function () {
      const { distributor, guardian, modelId } = await loadFixture(postedFixture);
      const endsAt = (await distributor.epoch(modelId, 1n)).challengeEndsAt;
      await time.setNextBlockTimestamp(endsAt - 1n);
      await expect(distributor.connect(guardian).vetoEpoch(modelId, 1n, "late")).to.emit(distributor, "EpochVetoed");
    });

    it("rejects anyone else", async function () {
      const { distributor, alice, modelId, t } = await loadFixture(postedFixture);
      await expect(distributor.connect(alice).vetoEpoch(modelId, 1n, "no"))
        .to.be.revertedWithCustomError(distributor, "DistributorNotVetoer")
        .withArgs(modelId, alice.address);
      expect((await distributor.epoch(modelId, 1n)).status).to.equal(1n);
      expect(await distributor.rewardPool(modelId)).to.equal(0n);
      expect(t.totalOpen).to.be.greaterThan(0n);
    });

    it("rejects an epoch that does not exist", async function () {
      const { distributor, guardian, modelId } = await loadFixture(postedFixture);
      await expect(distributor.connect(guardian).vetoEpoch(modelId, 2n, "?"))
        .to.be.revertedWithCustomError(distributor, "DistributorUnknownEpoch")
        .withArgs(modelId, 2n);
    });

    it("rejects a second veto", async function () {
      const { distributor, guardian, modelId, t } = await loadFixture(postedFixture);
      await distributor.connect(guardian).vetoEpoch(modelId, 1n, "once");
      await expect(distributor.connect(guardian).vetoEpoch(modelId, 1n, "twice"))
        .to.be.revertedWithCustomError(distributor, "DistributorEpochVetoed")
        .withArgs(modelId, 1n);
      expect(await distributor.rewardPool(modelId)).to.equal(t.totalOpen);
    });

    it("rejects a veto once the window has ended", async function () {
      const { distributor, guardian, modelId } = await loadFixture(postedFixture);
      const endsAt = (await distributor.epoch(modelId, 1n)).challengeEndsAt;
      await time.setNextBlockTimestamp(endsAt);
      await expect(distributor.connect(guardian).vetoEpoch(modelId, 1n, "late"))
        .to.be.revertedWithCustomError(distributor, "DistributorChallengeWindowClosed")
        .withArgs(modelId, 1n, endsAt);
      expect((await distributor.epoch(modelId, 1n)).status).to.equal(1n);
    });
  });

  describe("claim", function () {
    it("pays OPEN and mints shares to the account", async function () {
      const { distributor, shares, token, alice, modelId, t } = await loadFixture(claimableFixture);
      const tx = distributor.connect(alice).claim(modelId, 1n, ...t.args(0));
      await expect(tx)
        .to.emit(distributor, "Claimed")
        .withArgs(modelId, 1n, alice.address, 0n, 100n * OPEN, 10n * OPEN);
      await expect(tx)
        .to.emit(shares, "TransferSingle")
        .withArgs(await distributor.getAddress(), ethers.ZeroAddress, alice.address, modelId, 10n * OPEN);
      await expect(tx).to.changeTokenBalances(token, [alice, distributor], [100n * OPEN, -100n * OPEN]);
      expect(await shares.balanceOf(alice.address, modelId)).to.equal(10n * OPEN);
      expect(await distributor.isClaimed(modelId, 1n, 0n)).to.equal(true);
      expect(await distributor.isClaimed(modelId, 1n, 1n)).to.equal(false);
      const after = await distributor.epoch(modelId, 1n);
      expect(after.openRemaining).to.equal(t.totalOpen - 100n * OPEN);
      expect(after.sharesRemaining).to.equal(t.totalShares - 10n * OPEN);
    });

    it("pays the account whoever submits the claim", async function () {
      const { distributor, token, shares, bob, other, modelId, t } = await loadFixture(claimableFixture);
      const tx = distributor.connect(other).claim(modelId, 1n, ...t.args(1));
      await expect(tx).to.changeTokenBalances(token, [bob, other], [50n * OPEN, 0n]);
      await expect(tx).not.to.emit(shares, "TransferSingle"); // a leaf without shares mints nothing
    });

    it("mints shares without paying OPEN for a shares-only leaf", async function () {
      const { distributor, token, shares, carol, modelId, t } = await loadFixture(claimableFixture);
      const tx = distributor.claim(modelId, 1n, ...t.args(2));
      await expect(tx).to.changeTokenBalances(token, [carol, distributor], [0n, 0n]);
      expect(await shares.balanceOf(carol.address, modelId)).to.equal(5n * OPEN);
    });

    it("accepts a claim at the first second after the window", async function () {
      const { distributor, modelId, t } = await loadFixture(postedFixture);
      const endsAt = (await distributor.epoch(modelId, 1n)).challengeEndsAt;
      await time.setNextBlockTimestamp(endsAt);
      await expect(distributor.claim(modelId, 1n, ...t.args(0))).to.emit(distributor, "Claimed");
    });

    it("rejects a claim inside the window", async function () {
      const { distributor, modelId, t } = await loadFixture(postedFixture);
      const endsAt = (await distributor.epoch(modelId, 1n)).challengeEndsAt;
      await expect(distributor.claim(modelId, 1n, ...t.args(0)))
        .to.be.revertedWithCustomError(distributor, "DistributorChallengeWindowOpen")
        .withArgs(modelId, 1n, endsAt);
      expect(await distributor.isClaimed(modelId, 1n, 0n)).to.equal(false);
    });

    it("rejects a second claim of the same leaf", async function () {
      const { distributor, token, alice, modelId, t } = await loadFixture(claimableFixture);
      await distributor.claim(modelId, 1n, ...t.args(0));
      const balance = await token.balanceOf(alice.address);
      await expect(distributor.claim(modelId, 1n, ...t.args(0)))
        .to.be.revertedWithCustomError(distributor, "DistributorAlreadyClaimed")
        .withArgs(modelId, 1n, 0n);
      expect(await token.balanceOf(alice.address)).to.equal(balance);
    });

    it("rejects a leaf whose amounts are not in the tree and changes nothing", async function () {
      const { distributor, alice, modelId, t } = await loadFixture(claimableFixture);
      const [index, account, open, shares, proof] = t.args(0);
      await expect(distributor.claim(modelId, 1n, index, account, open + 1n, shares, proof))
        .to.be.revertedWithCustomError(distributor, "DistributorInvalidProof")
        .withArgs(modelId, 1n, 0n);
      await expect(distributor.claim(modelId, 1n, 1n, alice.address, open, shares, proof))
        .to.be.revertedWithCustomError(distributor, "DistributorInvalidProof")
        .withArgs(modelId, 1n, 1n);
      expect(await distributor.isClaimed(modelId, 1n, 0n)).to.equal(false);
      expect(await distributor.isClaimed(modelId, 1n, 1n)).to.equal(false);
      expect((await distributor.epoch(modelId, 1n)).openRemaining).to.equal(t.totalOpen);
    });

    it("rejects an epoch that does not exist", async function () {
      const { distributor, modelId, t } = await loadFixture(claimableFixture);
      await expect(distributor.claim(modelId, 2n, ...t.args(0)))
        .to.be.revertedWithCustomError(distributor, "DistributorUnknownEpoch")
        .withArgs(modelId, 2n);
    });

    it("rejects a vetoed epoch", async function () {
      const { distributor, guardian, modelId, t } = await loadFixture(postedFixture);
      await distributor.connect(guardian).vetoEpoch(modelId, 1n, "bad");
      await time.increase(WINDOW);
      await expect(distributor.claim(modelId, 1n, ...t.args(0)))
        .to.be.revertedWithCustomError(distributor, "DistributorEpochVetoed")
        .withArgs(modelId, 1n);
    });

    it("never pays more than the epoch posted, even from a faulty tree", async function () {
      const f = await loadFixture(deployRewardsFixture);
      const t = buildTree([
        { account: f.alice.address, open: 60n, shares: 1n },
        { account: f.bob.address, open: 60n, shares: 1n },
        { account: f.carol.address, open: 1n, shares: 5n },
      ]);
      await f.distributor.connect(f.funder).fundRewardPool(f.modelId, 1000n);
      await sealEvaluation(f, 1n);
      await f.distributor.connect(f.reporter).postEpoch(f.modelId, 1n, t.root, 100n, 5n, REPORT_HASH, "");
      await time.increase(WINDOW);
      await f.distributor.claim(f.modelId, 1n, ...t.args(0));
      await expect(f.distributor.claim(f.modelId, 1n, ...t.args(1)))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEpochExhausted")
        .withArgs(f.modelId, 1n);
      await expect(f.distributor.claim(f.modelId, 1n, ...t.args(2)))
        .to.be.revertedWithCustomError(f.distributor, "DistributorEpochExhausted")
        .withArgs(f.modelId, 1n);
      const after = await f.distributor.epoch(f.modelId, 1n);
      expect([after.openRemaining, after.sharesRemaining]).to.deep.equal([40n, 4n]);
      expect(await f.distributor.isClaimed(f.modelId, 1n, 1n)).to.equal(false);
      expect(await f.distributor.rewardPool(f.modelId)).to.equal(900n);
    });

    it("keeps claimed bits of neighbouring words apart", async function () {
      const f = await loadFixture(deployRewardsFixture);
      const leaves = Array.from({ length: 258 }, (_, i) => ({ account: f.alice.address, open: 1n, shares: BigInt(i) }));
      const t = await postTree(f, leaves);
      await f.distributor.claim(f.modelId, 1n, ...t.args(255));
      await f.distributor.claim(f.modelId, 1n, ...t.args(256));
      expect(await f.distributor.isClaimed(f.modelId, 1n, 254n)).to.equal(false);
      expect(await f.distributor.isClaimed(f.modelId, 1n, 255n)).to.equal(true);
      expect(await f.distributor.isClaimed(f.modelId, 1n, 256n)).to.equal(true);
      expect(await f.distributor.isClaimed(f.modelId, 1n, 257n)).to.equal(false);
      expect(await f.distributor.isClaimed(f.modelId, 2n, 255n)).to.equal(false);
    });
  });

  describe("claimBatch", function () {
    it("pays leaves across epochs and models", async function () {
      const f = await loadFixture(claimableFixture);
      await f.registry.connect(f.modelOwner).createModel("ipfs://model-2", POLICY);
      const second = await postTree(f, [{ account: f.alice.address, open: 3n, shares: 4n }], { epoch: 2n });
      const other = await postTree(f, [{ account: f.alice.address, open: 5n, shares: 6n }, { account: f.bob.address, open: 1n, shares: 1n }], {
        modelId: 2n,
      });
      const claimOf = (modelId, epoch, t, i) => {
        const [index, account, openAmount, shareAmount, proof] = t.args(i);
        return { modelId, epoch, index, account, openAmount, shareAmount, proof };
      };
      const tx = f.distributor.claimBatch([claimOf(f.modelId, 1n, f.t, 0), claimOf(f.modelId, 2n, second, 0), claimOf(2n, 1n, other, 0)]);
      await expect(tx).to.emit(f.distributor, "Claimed").withArgs(f.modelId, 2n, f.alice.address, 0n, 3n, 4n);
      await expect(tx).to.emit(f.distributor, "Claimed").withArgs(2n, 1n, f.alice.address, 0n, 5n, 6n);
      await expect(tx).to.changeTokenBalance(f.token, f.alice, 100n * OPEN + 3n + 5n);
      expect(await f.shares.balanceOf(f.alice.address, f.modelId)).to.equal(10n * OPEN + 4n);
      expect(await f.shares.balanceOf(f.alice.address, 2n)).to.equal(6n);
    });

    it("reverts as a whole when one leaf fails", async function () {
      const f = await loadFixture(claimableFixture);
      const [index, account, openAmount, shareAmount, proof] = f.t.args(0);
      const good = { modelId: f.modelId, epoch: 1n, index, account, openAmount, shareAmount, proof };
      await expect(f.distributor.claimBatch([good, good]))
        .to.be.revertedWithCustomError(f.distributor, "DistributorAlreadyClaimed")
        .withArgs(f.modelId, 1n, 0n);
      expect(await f.distributor.isClaimed(f.modelId, 1n, 0n)).to.equal(false);
    });

    it("accepts an empty batch", async function () {
      const { distributor } = await loadFixture(claimableFixture);
      await expect(distributor.claimBatch([])).not.to.emit(distributor, "Claimed");
    });
  });

  describe("setChallengeWindow", function () {
    it("sets the window for epochs posted from now on", async function () {
      const f = await loadFixture(postedFixture);
      const before = (await f.distributor.epoch(f.modelId, 1n)).challengeEndsAt;
      await expect(f.distributor.connect(f.admin).setChallengeWindow(60n))
        .to.emit(f.distributor, "ChallengeWindowUpdated")
        .withArgs(60n);
      expect(await f.distributor.challengeWindow()).to.equal(60n);
      expect((await f.distributor.epoch(f.modelId, 1n)).challengeEndsAt).to.equal(before);
      await postTree(f, [{ account: f.alice.address, open: 1n, shares: 1n }], { epoch: 2n, open: false });
      expect((await f.distributor.epoch(f.modelId, 2n)).challengeEndsAt).to.equal(BigInt(await time.latest()) + 60n);
    });

    it("lets a window of zero make epochs claimable at once and unvetoable", async function () {
      const f = await loadFixture(deployRewardsFixture);
      await f.distributor.connect(f.admin).setChallengeWindow(0n);
      const t = await postTree(f, [{ account: f.alice.address, open: 1n, shares: 1n }], { open: false });
      const endsAt = BigInt(await time.latest());
      expect((await f.distributor.epoch(f.modelId, 1n)).challengeEndsAt).to.equal(endsAt);
      await expect(f.distributor.connect(f.guardian).vetoEpoch(f.modelId, 1n, "x"))
        .to.be.revertedWithCustomError(f.distributor, "DistributorChallengeWindowClosed")
        .withArgs(f.modelId, 1n, endsAt);
      await expect(f.distributor.claim(f.modelId, 1n, ...t.args(0))).to.emit(f.distributor, "Claimed");
    });

    it("rejects anyone but the admin", async function () {
      const { distributor, reporter } = await loadFixture(deployRewardsFixture);
      await expect(distributor.connect(reporter).setChallengeWindow(1n))
        .to.be.revertedWithCustomError(distributor, "AccessControlUnauthorizedAccount")
        .withArgs(reporter.address, await distributor.DEFAULT_ADMIN_ROLE());
      expect(await distributor.challengeWindow()).to.equal(WINDOW);
    });

    it("makes posting fail when the window would end beyond 64 bits", async function () {
      const f = await loadFixture(deployRewardsFixture);
      await f.distributor.connect(f.admin).setChallengeWindow(2n ** 64n - 1n);
      await sealEvaluation(f, 1n);
      const postedAt = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(postedAt);
      await expect(f.distributor.connect(f.reporter).postEpoch(f.modelId, 1n, ethers.id("r"), 0n, 0n, REPORT_HASH, ""))
        .to.be.revertedWithCustomError(f.distributor, "SafeCastOverflowedUintDowncast")
        .withArgs(64, postedAt + 2n ** 64n - 1n);
      expect(await f.distributor.lastEpoch(f.modelId)).to.equal(0n);
    });
  });
  describe("gas", function () {
    // One 65,536-leaf tree (proofs of 16 hashes), built once: leaves 0, 1 and 257 go to accounts that hold
    // nothing, leaves 2, 4, 5 and 256 to one that already holds OPEN and shares of the model.
    const SIZE = 65_536;
    let big;
    const fresh = [ethers.Wallet.createRandom().address, ethers.Wallet.createRandom().address];
    const laterFresh = ethers.Wallet.createRandom().address;

    before(function () {
      if (hre.__SOLIDITY_COVERAGE_RUNNING) return;
      const leaves = Array.from({ length: SIZE }, (_, i) => ({
        account: ethers.zeroPadValue(ethers.toBeHex(0x10000 + i), 20),
        open: 3n * OPEN,
        shares: 2n * OPEN,
      }));
      big = { leaves };
    });

    async function bigTreeFixture() {
      const f = await deployRewardsFixture();
      // The holder gets shares (and already has OPEN) from a small first epoch.
      const small = await postTree(f, [{ account: f.alice.address, open: 1n * OPEN, shares: 1n * OPEN }]);
      await f.distributor.claim(f.modelId, 1n, ...small.args(0));
      const leaves = big.leaves.slice();
      leaves[0] = { ...leaves[0], account: fresh[0] };
      leaves[1] = { ...leaves[1], account: fresh[1] };
      for (const i of [2, 4, 5, 256]) leaves[i] = { ...leaves[i], account: f.alice.address };
      leaves[257] = { ...leaves[257], account: laterFresh };
      const t = buildTree(leaves);
      await f.distributor.connect(f.funder).fundRewardPool(f.modelId, t.totalOpen);
      await sealEvaluation(f, 2n);
      const post = await (
        await f.distributor
          .connect(f.reporter)
          .postEpoch(f.modelId, 2n, t.root, t.totalOpen, t.totalShares, REPORT_HASH, "ipfs://report-2")
      ).wait();
      await time.increase(WINDOW);
      return { ...f, t, post };
    }

    it("claims a 65,536-leaf epoch within 110,000 gas for a holder, and reports every case", async function () {
      // Instrumented bytecode costs more gas, and coverage gains nothing from a big tree.
      if (hre.__SOLIDITY_COVERAGE_RUNNING) this.skip();
      this.timeout(300_000);
      const f = await loadFixture(bigTreeFixture);
      const claim = async (i) => (await (await f.distributor.claim(f.modelId, 2n, ...f.t.args(i))).wait()).gasUsed;
      expect(f.t.proof(0)).to.have.length(16);
      const firstWordFresh = await claim(0);
      const laterFresh_ = await claim(1);
      const laterHolder = await claim(2);
      const firstWordHolder = await claim(256);
      await f.shares.connect(f.funder).depositRevenue(f.modelId, 100n * OPEN);
      // The holder's revenue-debt word is still zero (it got its shares before any revenue): written once here.
      const laterHolderFirstDebt = await claim(4);
      const laterFreshAfterRevenue = await claim(257);
      await f.shares.connect(f.funder).depositRevenue(f.modelId, 100n * OPEN);
      const laterHolderAfterRevenue = await claim(5);
      console.log(`      gas: postEpoch ${f.post.gasUsed}`);
      console.log(`      gas: claim, first in its bitmap word, account holds neither: ${firstWordFresh}`);
      console.log(`      gas: claim, later in its bitmap word, account holds neither: ${laterFresh_}`);
      console.log(`      gas: claim, first in its bitmap word, account holds OPEN and shares: ${firstWordHolder}`);
      console.log(`      gas: claim, later in its bitmap word, account holds OPEN and shares: ${laterHolder}`);
      console.log(`      gas: after revenue, later in word, holder whose debt word is first written: ${laterHolderFirstDebt}`);
      console.log(`      gas: after revenue, later in word, holder: ${laterHolderAfterRevenue}, new account: ${laterFreshAfterRevenue}`);
      expect(laterHolder).to.be.at.most(110_000n);
      expect(laterHolderAfterRevenue).to.be.at.most(110_000n);
    });
  });
});
