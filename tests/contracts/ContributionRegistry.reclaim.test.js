// A reveal takes back content registered after its commitment (RegistryCommitReveal): the race that issue 16 item 3
// describes, a copier who reads the content hash from a pending reveal and registers it first in the same block with a
// higher tip, and its edges. ContributionRegistry.test.js holds the plain commit and reveal paths.
const { ethers } = require("hardhat");
const { expect } = require("chai");
const { loadFixture, time, mine } = require("@nomicfoundation/hardhat-network-helpers");
const {
  OPEN, BOND, DAY, DISPUTE_WINDOW, Status,
  policy, entry, idOf, commitmentOf, signRegister, signPermit, registryFixture, unwiredFixture,
} = require("./helpers/registry");

const RECLAIM_WINDOW = DAY; // RegistryCommitReveal.RECLAIM_WINDOW
const salt = ethers.id("alice's salt");
const GWEI_TIP = 10n ** 9n;

/** Model 3: no commit–reveal, no bond lock (a bond can be withdrawn at once), no dispute window. */
async function reclaimFixture() {
  const f = await registryFixture();
  await f.registry.connect(f.owner).createModel("ipfs://model-3", policy({ bondLock: 0, disputeWindow: 0 }));
  await f.registry.connect(f.owner).setValidator(3, f.validator.address, true);
  return f;
}

/** Alice commits to `e` for `modelId`; returns the commitment's block timestamp. */
async function aliceCommits(f, e, modelId = 1n) {
  const tx = await f.registry.connect(f.alice).commit(commitmentOf(f.alice.address, modelId, e.contentHash, salt));
  return BigInt((await ethers.provider.getBlock((await tx.wait()).blockNumber)).timestamp);
}

/**
 * Sends the transactions `send` makes with automine off, then mines them in one block; returns their receipts.
 * Hardhat orders a block's transactions by tip, so a higher tip sent later is ordered first, as a copier's would be.
 */
async function inOneBlock(send) {
  await ethers.provider.send("evm_setAutomine", [false]);
  let sent;
  try {
    sent = await send();
    await mine();
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
  return Promise.all(sent.map((tx) => ethers.provider.getTransactionReceipt(tx.hash)));
}

/** The registry's events in a receipt, in log order, as [name, ...args]. */
function registryEvents(registry, receipt) {
  return receipt.logs
    .filter((log) => log.address === registry.target)
    .map((log) => registry.interface.parseLog(log))
    .map((parsed) => [parsed.name, ...parsed.args]);
}

describe("ContributionRegistry reveal takes content back", function () {
  describe("a copier in the reveal's own block", function () {
    it("loses the content and the bond when its higher tip put its register before the reveal", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, token, distributor, alice, copier } = f;
      const e = entry("valuable dataset");
      const id = idOf(1n, e.contentHash);
      const committedAt = await aliceCommits(f, e);
      const before = { copier: await token.balanceOf(copier), pool: await distributor.rewardPool(1) };
      const [reveal, copy] = await inOneBlock(async () => [
        await registry.connect(alice).reveal(1, e, salt, { gasLimit: 500_000, maxPriorityFeePerGas: GWEI_TIP }),
        await registry.connect(copier).register(1, e, { gasLimit: 500_000, maxPriorityFeePerGas: 10n * GWEI_TIP }),
      ]);
      expect(copy.blockNumber).to.equal(reveal.blockNumber);
      expect(copy.index).to.be.below(reveal.index);
      expect([copy.status, reveal.status]).to.deep.equal([1, 1]);
      expect(registryEvents(registry, copy)).to.deep.equal([
        ["ContributionRegistered", id, 1n, copier.address, e.contentHash, BigInt(e.kind), BOND, e.uri],
      ]);
      expect(registryEvents(registry, reveal)).to.deep.equal([
        ["ContributionSuperseded", id, 1n, copier.address, alice.address, BOND],
        ["ContributionRegistered", id, 1n, alice.address, e.contentHash, BigInt(e.kind), BOND, e.uri],
      ]);
      const held = await registry.contribution(1, e.contentHash);
      expect([held.contributor, held.bond, held.status]).to.deep.equal([alice.address, BOND, BigInt(Status.Active)]);
      expect(await registry.priorityOf(1, e.contentHash)).to.equal(committedAt);
      expect(await token.balanceOf(copier)).to.equal(before.copier - BOND);
      expect(await distributor.rewardPool(1)).to.equal(before.pool + BOND);
      expect(await token.balanceOf(registry)).to.equal(BOND);
    });

    it("keeps the content when the copier's register comes after the reveal in the block", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice, copier } = f;
      const e = entry("valuable dataset");
      await aliceCommits(f, e);
      const [reveal, copy] = await inOneBlock(async () => [
        await registry.connect(alice).reveal(1, e, salt, { gasLimit: 500_000, maxPriorityFeePerGas: 10n * GWEI_TIP }),
        await registry.connect(copier).register(1, e, { gasLimit: 500_000, maxPriorityFeePerGas: GWEI_TIP }),
      ]);
      expect(reveal.index).to.be.below(copy.index);
      expect([reveal.status, copy.status]).to.deep.equal([1, 0]);
      expect((await registry.contribution(1, e.contentHash)).contributor).to.equal(alice.address);
    });
  });

  describe("competitors by every registration path", function () {
    it("takes back one item of a copier's registerBatch and leaves the rest of the batch to the copier", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, distributor, alice, copier } = f;
      const e = entry("valuable dataset");
      await aliceCommits(f, e);
      const others = [entry("copier's own a"), entry("copier's own b")];
      await registry.connect(copier).registerBatch(1, [others[0], e, others[1]]);
      await expect(registry.connect(alice).reveal(1, e, salt))
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(1n, e.contentHash), 1n, copier.address, alice.address, BOND);
      expect((await registry.contribution(1, e.contentHash)).contributor).to.equal(alice.address);
      for (const other of others) expect((await registry.contribution(1, other.contentHash)).contributor).to.equal(copier.address);
      expect(await distributor.rewardPool(1)).to.equal(BOND);
    });

    it("takes back a registerBySig relayed for the copier: the copier's bond is forfeited, not the relayer's", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, token, alice, copier, relayer } = f;
      const e = entry("valuable dataset");
      await aliceCommits(f, e);
      const deadline = BigInt((await time.latest()) + DAY);
      const signature = await signRegister(copier, registry, { modelId: 1n, entry: e, nonce: 0n, deadline });
      await registry.connect(relayer).registerBySig(1, e, copier.address, deadline, signature);
      const tx = registry.connect(alice).reveal(1, e, salt);
      await expect(tx)
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(1n, e.contentHash), 1n, copier.address, alice.address, BOND);
      await expect(tx).to.changeTokenBalances(token, [alice, copier, relayer, registry], [-BOND, 0n, 0n, 0n]);
    });

    it("takes back a registerWithPermit", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, token, alice, carol } = f;
      const e = entry("valuable dataset");
      await aliceCommits(f, e);
      const deadline = BigInt((await time.latest()) + DAY);
      const sig = await signPermit(token, carol, registry.target, BOND, deadline);
      await registry.connect(carol).registerWithPermit(1, e, deadline, sig.v, sig.r, sig.s);
      await expect(registry.connect(alice).reveal(1, e, salt))
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(1n, e.contentHash), 1n, carol.address, alice.address, BOND);
    });

    it("takes back a reveal of a later commitment: a copier who commits and reveals while the victim's reveal waits", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, distributor, alice, copier } = f;
      const e = entry("valuable dataset");
      const aliceAt = await aliceCommits(f, e, 2n);
      // The copier reads the content from alice's pending reveal, then commits and reveals in the next two blocks.
      const copierSalt = ethers.id("copier's salt");
      await registry.connect(copier).commit(commitmentOf(copier.address, 2n, e.contentHash, copierSalt));
      const copierAt = BigInt(await time.latest());
      await registry.connect(copier).reveal(2, e, copierSalt);
      expect(await registry.priorityOf(2, e.contentHash)).to.equal(copierAt);
      await expect(registry.connect(alice).reveal(2, e, salt))
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(2n, e.contentHash), 2n, copier.address, alice.address, BOND);
      expect(await registry.priorityOf(2, e.contentHash)).to.equal(aliceAt);
      expect(await distributor.rewardPool(2)).to.equal(BOND);
    });
  });

  describe("what cannot be taken back", function () {
    it("content registered before the commitment", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice, copier } = f;
      const e = entry("first come");
      await registry.connect(copier).register(1, e);
      await aliceCommits(f, e);
      await expect(registry.connect(alice).reveal(1, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(1n, e.contentHash, idOf(1n, e.contentHash));
    });

    it("content registered in the commitment's own block: a tie keeps the holder", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice, copier } = f;
      const e = entry("same block");
      const commitment = commitmentOf(alice.address, 1n, e.contentHash, salt);
      const [commit, register] = await inOneBlock(async () => [
        await registry.connect(alice).commit(commitment, { gasLimit: 100_000, maxPriorityFeePerGas: 10n * GWEI_TIP }),
        await registry.connect(copier).register(1, e, { gasLimit: 300_000, maxPriorityFeePerGas: GWEI_TIP }),
      ]);
      expect(commit.index).to.be.below(register.index);
      expect(await registry.priorityOf(1, e.contentHash)).to.equal(BigInt(await time.latest()));
      await expect(registry.connect(alice).reveal(1, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(1n, e.contentHash, idOf(1n, e.contentHash));
    });

    it("a reveal whose commitment is later than the holder's: the earlier commitment wins", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice, bob } = f;
      const e = entry("bob's first");
      const bobSalt = ethers.id("bob's salt");
      await registry.connect(bob).commit(commitmentOf(bob.address, 2n, e.contentHash, bobSalt));
      await aliceCommits(f, e, 2n);
      await registry.connect(bob).reveal(2, e, bobSalt);
      await expect(registry.connect(alice).reveal(2, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(2n, e.contentHash, idOf(2n, e.contentHash));
    });

    it("the committer's own registration", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice } = f;
      const e = entry("mine twice");
      await aliceCommits(f, e);
      await registry.connect(alice).register(1, e);
      await expect(registry.connect(alice).reveal(1, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(1n, e.contentHash, idOf(1n, e.contentHash));
    });

    it("anything once the commitment is older than RECLAIM_WINDOW, though the content stays registrable when free", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice, copier } = f;
      expect(await registry.RECLAIM_WINDOW()).to.equal(BigInt(RECLAIM_WINDOW));
      const late = entry("kept in reserve");
      const committedAt = await aliceCommits(f, late);
      await registry.connect(copier).register(1, late);
      await time.setNextBlockTimestamp(committedAt + BigInt(RECLAIM_WINDOW) + 1n);
      await expect(registry.connect(alice).reveal(1, late, salt))
        .to.be.revertedWithCustomError(registry, "RegistryReclaimWindowClosed")
        .withArgs(idOf(1n, late.contentHash), committedAt + BigInt(RECLAIM_WINDOW));
      const free = entry("free content");
      await registry.connect(alice).commit(commitmentOf(alice.address, 1n, free.contentHash, salt));
      await time.increase(2 * RECLAIM_WINDOW);
      await expect(registry.connect(alice).reveal(1, free, salt)).to.emit(registry, "ContributionRegistered");
    });

    it("still anything at the last second of RECLAIM_WINDOW", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, alice, copier } = f;
      const e = entry("just in time");
      const committedAt = await aliceCommits(f, e);
      await registry.connect(copier).register(1, e);
      await time.setNextBlockTimestamp(committedAt + BigInt(RECLAIM_WINDOW));
      await expect(registry.connect(alice).reveal(1, e, salt)).to.emit(registry, "ContributionSuperseded");
    });
  });

  describe("after a reveal took content back", function () {
    async function superseded() {
      const f = await loadFixture(reclaimFixture);
      const e = entry("valuable dataset");
      await aliceCommits(f, e, 3n);
      await f.registry.connect(f.copier).register(3, e);
      await f.registry.connect(f.alice).reveal(3, e, salt);
      return { ...f, e, id: idOf(3n, e.contentHash) };
    }

    it("the commitment is spent: it cannot be revealed again", async function () {
      const { registry, alice, e } = await superseded();
      await expect(registry.connect(alice).reveal(3, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownCommitment")
        .withArgs(commitmentOf(alice.address, 3n, e.contentHash, salt));
    });

    it("the superseded contributor cannot withdraw a bond, re-register or take the content back", async function () {
      const { registry, copier, e, id } = await superseded();
      await expect(registry.connect(copier).withdrawBond(3, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryNotContributor")
        .withArgs(id, copier.address);
      await expect(registry.connect(copier).register(3, e))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(3n, e.contentHash, id);
      const copierSalt = ethers.id("copier's salt");
      await registry.connect(copier).commit(commitmentOf(copier.address, 3n, e.contentHash, copierSalt));
      await mine();
      await expect(registry.connect(copier).reveal(3, e, copierSalt))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(3n, e.contentHash, id);
    });

    it("flags, slashes and bond withdrawals act on the revealer's registration", async function () {
      const { registry, token, alice, validator, e, id } = await superseded();
      await expect(registry.connect(alice).withdrawBond(3, e.contentHash)).to.changeTokenBalances(token, [alice], [BOND]);
      await expect(registry.connect(validator).flag(3, e.contentHash, "bad")).to.emit(registry, "ContributionFlagged").withArgs(id, validator.address, "bad");
      await expect(registry.slash(3, e.contentHash)).to.emit(registry, "ContributionSlashed").withArgs(id, 3n, 0n);
    });
  });

  describe("the holder's bond and status", function () {
    it("a flagged holder forfeits its bond through the reveal, and its flag does not pass to the revealer", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, distributor, alice, copier, validator } = f;
      await registry.connect(f.owner).setPolicy(1, policy({ disputeWindow: DISPUTE_WINDOW }));
      const e = entry("flagged copy");
      await aliceCommits(f, e);
      await registry.connect(copier).register(1, e);
      await registry.connect(validator).flag(1, e.contentHash, "copied");
      await expect(registry.connect(alice).reveal(1, e, salt))
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(1n, e.contentHash), 1n, copier.address, alice.address, BOND);
      const held = await registry.contribution(1, e.contentHash);
      expect([held.contributor, held.flaggedAt, held.status]).to.deep.equal([alice.address, 0n, BigInt(Status.Active)]);
      await time.increase(DISPUTE_WINDOW);
      await expect(registry.slash(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(idOf(1n, e.contentHash), Status.Active);
      expect(await distributor.rewardPool(1)).to.equal(BOND);
    });

    it("a holder that already withdrew its bond is superseded with nothing to forfeit", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, token, distributor, alice, copier } = f;
      const e = entry("withdrawn copy");
      await aliceCommits(f, e, 3n);
      await registry.connect(copier).register(3, e);
      await registry.connect(copier).withdrawBond(3, e.contentHash);
      const tx = registry.connect(alice).reveal(3, e, salt);
      await expect(tx)
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(3n, e.contentHash), 3n, copier.address, alice.address, 0n);
      await expect(tx).to.not.emit(distributor, "RewardPoolFunded");
      await expect(tx).to.changeTokenBalances(token, [alice, registry, distributor], [-BOND, BOND, 0n]);
    });

    it("a slashed holder is superseded with nothing left to forfeit", async function () {
      const f = await loadFixture(reclaimFixture);
      const { registry, distributor, alice, copier, validator } = f;
      const e = entry("slashed copy");
      await aliceCommits(f, e, 3n);
      await registry.connect(copier).register(3, e);
      await registry.connect(validator).flag(3, e.contentHash, "copied");
      await registry.slash(3, e.contentHash);
      expect(await distributor.rewardPool(3)).to.equal(BOND);
      const tx = registry.connect(alice).reveal(3, e, salt);
      await expect(tx)
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(3n, e.contentHash), 3n, copier.address, alice.address, 0n);
      await expect(tx).to.not.emit(distributor, "RewardPoolFunded");
      expect((await registry.contribution(3, e.contentHash)).status).to.equal(Status.Active);
    });

    it("a bond to forfeit needs the distributor wired, as slashing does; a bond-free holder does not", async function () {
      const { registry, token, admin, owner, alice, other } = await loadFixture(unwiredFixture);
      await token.connect(admin).mint(other.address, BOND);
      await token.connect(other).approve(registry.target, ethers.MaxUint256);
      const bonded = entry("bonded copy");
      await registry.connect(alice).commit(commitmentOf(alice.address, 1n, bonded.contentHash, salt));
      await registry.connect(other).register(1, bonded);
      await expect(registry.connect(alice).reveal(1, bonded, salt))
        .to.be.revertedWithCustomError(registry, "RegistryDistributorNotSet");
      await registry.connect(owner).setPolicy(1, policy({ minBond: 0 }));
      const free = entry("bond-free copy", { bond: 0n });
      await registry.connect(alice).commit(commitmentOf(alice.address, 1n, free.contentHash, salt));
      await registry.connect(other).register(1, free);
      await expect(registry.connect(alice).reveal(1, free, salt))
        .to.emit(registry, "ContributionSuperseded")
        .withArgs(idOf(1n, free.contentHash), 1n, other.address, alice.address, 0n);
    });
  });

  describe("priorityOf", function () {
    it("is 0 for content the model does not hold and registeredAt for a direct registration", async function () {
      const { registry, alice } = await loadFixture(reclaimFixture);
      const e = entry("direct");
      expect(await registry.priorityOf(1, e.contentHash)).to.equal(0n);
      await registry.connect(alice).register(1, e);
      expect(await registry.priorityOf(1, e.contentHash)).to.equal((await registry.contribution(1, e.contentHash)).registeredAt);
    });
  });
});
