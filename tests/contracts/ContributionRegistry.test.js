const hre = require("hardhat");
const { ethers } = hre;
const { expect } = require("chai");
const { loadFixture, time, mine } = require("@nomicfoundation/hardhat-network-helpers");
const {
  GWEI, OPEN, BOND, MIN_BOND, DAY, BOND_LOCK, DISPUTE_WINDOW, Kind, Status,
  policy, policyTuple, entry, entryTuple, idOf, commitmentOf, signRegister, malleate, signPermit, minedRevert,
  registryFixture, unwiredFixture, mappingWords,
} = require("./helpers/registry");
const { batchWords, rawEntries, canonicalEntries, decodeBatch, batchLog, randomBatch, mutateBatch } = require("./helpers/batchCalldata");
const { prng } = require("./helpers/prng");

const MAX_WINDOW = 365 * DAY; // RegistryModels.MAX_POLICY_WINDOW
const contributionTuple = (c) => [c.contributor, c.registeredAt, c.flaggedAt, c.bond, c.status];

describe("ContributionRegistry", function () {
  describe("constructor", function () {
    it("makes the admin the owner and names the EIP-712 domain", async function () {
      const { registry, admin } = await loadFixture(registryFixture);
      expect(await registry.owner()).to.equal(admin.address);
      const domain = await registry.eip712Domain();
      expect(domain.name).to.equal("OpenLedger ContributionRegistry");
      expect(domain.version).to.equal("1");
      expect(domain.chainId).to.equal((await ethers.provider.getNetwork()).chainId);
      expect(domain.verifyingContract).to.equal(await registry.getAddress());
    });
  });

  describe("createModel", function () {
    it("numbers models from 1 and records owner and policy", async function () {
      const { registry, owner } = await loadFixture(registryFixture);
      expect(await registry.modelCount()).to.equal(2n);
      expect(await registry.modelOwner(1)).to.equal(owner.address);
      expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(policy()));
      expect((await registry.modelPolicy(2)).commitReveal).to.equal(true);
    });

    it("emits ModelCreated with the id, owner, metadata URI and policy", async function () {
      const { registry, other } = await loadFixture(registryFixture);
      const p = policy({ ownerBps: 10_000, poolBps: 0 });
      await expect(registry.connect(other).createModel("ipfs://model-3", p))
        .to.emit(registry, "ModelCreated")
        .withArgs(3n, other.address, "ipfs://model-3", policyTuple(p));
      expect(await registry.modelOwner(3)).to.equal(other.address);
    });

    it("rejects basis points adding up to more than 10,000 and creates nothing", async function () {
      const { registry, other } = await loadFixture(registryFixture);
      await expect(registry.connect(other).createModel("x", policy({ ownerBps: 6_000, poolBps: 4_001 })))
        .to.be.revertedWithCustomError(registry, "RegistryInvalidPolicy")
        .withArgs(6_000, 4_001);
      expect(await registry.modelCount()).to.equal(2n);
      expect(await registry.modelOwner(3)).to.equal(ethers.ZeroAddress);
    });

    it("stores a minimum precision of up to 10,000 basis points", async function () {
      const { registry, owner } = await loadFixture(registryFixture);
      const p = policy({ minPrecisionBps: 10_000 });
      await expect(registry.connect(owner).setPolicy(1, p))
        .to.emit(registry, "ModelPolicyUpdated")
        .withArgs(1n, policyTuple(p));
      expect((await registry.modelPolicy(1)).minPrecisionBps).to.equal(10_000n);
    });

    it("rejects a minimum precision above 10,000 basis points and keeps the old policy", async function () {
      const { registry, owner } = await loadFixture(registryFixture);
      await expect(registry.connect(owner).setPolicy(1, policy({ minPrecisionBps: 10_001 })))
        .to.be.revertedWithCustomError(registry, "RegistryInvalidMinPrecision")
        .withArgs(10_001);
      expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(policy()));
    });

    for (const field of ["bondLock", "disputeWindow"]) {
      it(`accepts a ${field} of exactly 365 days`, async function () {
        const { registry, other } = await loadFixture(registryFixture);
        expect(await registry.MAX_POLICY_WINDOW()).to.equal(BigInt(MAX_WINDOW));
        const p = policy({ [field]: MAX_WINDOW });
        await expect(registry.connect(other).createModel("ipfs://model-3", p))
          .to.emit(registry, "ModelCreated")
          .withArgs(3n, other.address, "ipfs://model-3", policyTuple(p));
        expect((await registry.modelPolicy(3))[field]).to.equal(BigInt(MAX_WINDOW));
      });

      it(`rejects a ${field} one second over 365 days and creates nothing`, async function () {
        const { registry, other } = await loadFixture(registryFixture);
        await expect(registry.connect(other).createModel("x", policy({ [field]: MAX_WINDOW + 1 })))
          .to.be.revertedWithCustomError(registry, "RegistryPolicyWindowTooLong")
          .withArgs(MAX_WINDOW + 1, MAX_WINDOW);
        expect(await registry.modelCount()).to.equal(2n);
      });
    }

    it("rejects a bondLock of 2^32 - 1 seconds (136 years)", async function () {
      const { registry, other } = await loadFixture(registryFixture);
      await expect(registry.connect(other).createModel("x", policy({ bondLock: 2 ** 32 - 1 })))
        .to.be.revertedWithCustomError(registry, "RegistryPolicyWindowTooLong")
        .withArgs(2 ** 32 - 1, MAX_WINDOW);
    });
  });

  describe("setPolicy", function () {
    it("lets the model owner replace the policy", async function () {
      const { registry, owner } = await loadFixture(registryFixture);
      const p = policy({ minBond: 2n * OPEN, commitReveal: true, poolBps: 9_000 });
      await expect(registry.connect(owner).setPolicy(1, p))
        .to.emit(registry, "ModelPolicyUpdated")
        .withArgs(1n, policyTuple(p));
      expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(p));
    });

    it("rejects anyone but the model owner", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).setPolicy(1, policy({ minBond: 0 })))
        .to.be.revertedWithCustomError(registry, "RegistryNotModelOwner")
        .withArgs(1n, alice.address);
      expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(policy()));
    });

    it("rejects an unknown model", async function () {
      const { registry, owner } = await loadFixture(registryFixture);
      await expect(registry.connect(owner).setPolicy(3, policy()))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownModel")
        .withArgs(3n);
    });

    it("rejects an invalid policy and keeps the old one", async function () {
      const { registry, owner } = await loadFixture(registryFixture);
      await expect(registry.connect(owner).setPolicy(1, policy({ ownerBps: 10_001, poolBps: 0 })))
        .to.be.revertedWithCustomError(registry, "RegistryInvalidPolicy")
        .withArgs(10_001, 0);
      expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(policy()));
    });

    for (const field of ["bondLock", "disputeWindow"]) {
      it(`accepts a ${field} of exactly 365 days`, async function () {
        const { registry, owner } = await loadFixture(registryFixture);
        const p = policy({ [field]: MAX_WINDOW });
        await expect(registry.connect(owner).setPolicy(1, p))
          .to.emit(registry, "ModelPolicyUpdated")
          .withArgs(1n, policyTuple(p));
        expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(p));
      });

      it(`rejects a ${field} one second over 365 days and keeps the old policy`, async function () {
        const { registry, owner } = await loadFixture(registryFixture);
        await expect(registry.connect(owner).setPolicy(1, policy({ [field]: MAX_WINDOW + 1 })))
          .to.be.revertedWithCustomError(registry, "RegistryPolicyWindowTooLong")
          .withArgs(MAX_WINDOW + 1, MAX_WINDOW);
        expect(policyTuple(await registry.modelPolicy(1))).to.deep.equal(policyTuple(policy()));
      });
    }

    it("cannot lock bonds already posted beyond 365 days after their registration", async function () {
      const { registry, owner, alice } = await loadFixture(registryFixture);
      const e = entry("locked");
      const tx = await registry.connect(alice).register(1, e);
      const registeredAt = BigInt((await ethers.provider.getBlock(tx.blockNumber)).timestamp);
      await expect(registry.connect(owner).setPolicy(1, policy({ bondLock: 2 ** 32 - 1 })))
        .to.be.revertedWithCustomError(registry, "RegistryPolicyWindowTooLong")
        .withArgs(2 ** 32 - 1, MAX_WINDOW);
      await registry.connect(owner).setPolicy(1, policy({ bondLock: MAX_WINDOW }));
      const unlocksAt = registeredAt + BigInt(MAX_WINDOW);
      await time.setNextBlockTimestamp(unlocksAt - 1n);
      await expect(registry.connect(alice).withdrawBond(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryBondLocked")
        .withArgs(idOf(1n, e.contentHash), unlocksAt);
      await time.setNextBlockTimestamp(unlocksAt);
      await expect(registry.connect(alice).withdrawBond(1, e.contentHash))
        .to.emit(registry, "BondWithdrawn")
        .withArgs(idOf(1n, e.contentHash), alice.address, BOND);
    });
  });

  describe("setValidator", function () {
    it("appoints and removes validators", async function () {
      const { registry, owner, bob } = await loadFixture(registryFixture);
      await expect(registry.connect(owner).setValidator(1, bob.address, true))
        .to.emit(registry, "ValidatorUpdated")
        .withArgs(1n, bob.address, true);
      expect(await registry.isValidator(1, bob.address)).to.equal(true);
      expect(await registry.isValidator(2, bob.address)).to.equal(false);
      await expect(registry.connect(owner).setValidator(1, bob.address, false))
        .to.emit(registry, "ValidatorUpdated")
        .withArgs(1n, bob.address, false);
      expect(await registry.isValidator(1, bob.address)).to.equal(false);
    });

    it("rejects anyone but the model owner", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).setValidator(1, alice.address, true))
        .to.be.revertedWithCustomError(registry, "RegistryNotModelOwner")
        .withArgs(1n, alice.address);
      expect(await registry.isValidator(1, alice.address)).to.equal(false);
    });

    it("rejects an unknown model", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).setValidator(0, alice.address, true))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownModel")
        .withArgs(0n);
    });
  });

  describe("modelPolicy", function () {
    it("reverts for model 0 and for ids past the last model", async function () {
      const { registry } = await loadFixture(registryFixture);
      for (const modelId of [0n, 3n]) {
        await expect(registry.modelPolicy(modelId))
          .to.be.revertedWithCustomError(registry, "RegistryUnknownModel")
          .withArgs(modelId);
        expect(await registry.modelOwner(modelId)).to.equal(ethers.ZeroAddress);
      }
    });
  });

  describe("setRewardDistributor", function () {
    it("wires the distributor once, by the admin", async function () {
      const { registry, admin, other } = await loadFixture(unwiredFixture);
      await expect(registry.connect(other).setRewardDistributor(other.address))
        .to.be.revertedWithCustomError(registry, "OwnableUnauthorizedAccount")
        .withArgs(other.address);
      await registry.connect(admin).setRewardDistributor(other.address);
      await expect(registry.connect(admin).setRewardDistributor(admin.address))
        .to.be.revertedWithCustomError(registry, "RegistryDistributorAlreadySet")
        .withArgs(other.address);
    });

    it("is already wired by the deployment routine", async function () {
      const { registry, distributor, admin } = await loadFixture(registryFixture);
      await expect(registry.connect(admin).setRewardDistributor(admin.address))
        .to.be.revertedWithCustomError(registry, "RegistryDistributorAlreadySet")
        .withArgs(await distributor.getAddress());
    });
  });

  describe("contributionId", function () {
    it("is keccak256(abi.encode(modelId, contentHash))", async function () {
      const { registry } = await loadFixture(registryFixture);
      for (const [modelId, contentHash] of [[1n, ethers.id("a")], [2n ** 255n, ethers.MaxUint256], [0n, ethers.ZeroHash]]) {
        const expected = idOf(modelId, ethers.toBeHex(contentHash, 32));
        expect(await registry.contributionId(modelId, ethers.toBeHex(contentHash, 32))).to.equal(expected);
      }
    });
  });

  describe("contribution", function () {
    it("is all zero with status None for content the model does not hold", async function () {
      const { registry } = await loadFixture(registryFixture);
      expect(contributionTuple(await registry.contribution(1, ethers.id("absent")))).to.deep.equal([
        ethers.ZeroAddress, 0n, 0n, 0n, BigInt(Status.None),
      ]);
    });
  });

  describe("register", function () {
    it("stores the contribution, emits ContributionRegistered and pulls the bond", async function () {
      const { registry, token, alice } = await loadFixture(registryFixture);
      const e = entry("dataset-a", { kind: Kind.FineTune });
      const id = idOf(1n, e.contentHash);
      expect(await registry.connect(alice).register.staticCall(1, e)).to.equal(id);
      const tx = registry.connect(alice).register(1, e);
      await expect(tx)
        .to.emit(registry, "ContributionRegistered")
        .withArgs(id, 1n, alice.address, e.contentHash, Kind.FineTune, BOND, e.uri);
      await expect(tx).to.changeTokenBalances(token, [alice, registry], [-BOND, BOND]);
      const at = BigInt(await time.latest());
      expect(contributionTuple(await registry.contribution(1, e.contentHash))).to.deep.equal([
        alice.address, at, 0n, BOND, BigInt(Status.Active),
      ]);
    });

    it("keeps a contribution in one storage word: contributor | bond in gwei << 160 | registeredAt << 224", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const e = entry("dataset-a", { bond: 12_345_678_901n * GWEI });
      await registry.connect(alice).register(1, e);
      const at = BigInt(await time.latest());
      const words = await mappingWords(await registry.getAddress(), idOf(1n, e.contentHash));
      expect(words.map((w) => w.word)).to.deep.equal([
        BigInt(alice.address) | (12_345_678_901n << 160n) | (at << 224n),
      ]);
    });

    it("accepts the same content in another model", async function () {
      const { registry, owner, alice, bob } = await loadFixture(registryFixture);
      await registry.connect(owner).createModel("ipfs://model-3", policy());
      const e = entry("dataset-a");
      await registry.connect(alice).register(1, e);
      await expect(registry.connect(bob).register(3, e))
        .to.emit(registry, "ContributionRegistered")
        .withArgs(idOf(3n, e.contentHash), 3n, bob.address, e.contentHash, e.kind, e.bond, e.uri);
    });

    it("rejects content the model already holds, naming the existing id", async function () {
      const { registry, token, alice, bob } = await loadFixture(registryFixture);
      const e = entry("dataset-a");
      await registry.connect(alice).register(1, e);
      const balance = await token.balanceOf(bob.address);
      await expect(registry.connect(bob).register(1, { ...e, kind: Kind.Compute, uri: "other" }))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(1n, e.contentHash, idOf(1n, e.contentHash));
      expect((await registry.contribution(1, e.contentHash)).contributor).to.equal(alice.address);
      expect(await token.balanceOf(bob.address)).to.equal(balance);
    });

    it("rejects a zero content hash", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).register(1, entry("x", { contentHash: ethers.ZeroHash })))
        .to.be.revertedWithCustomError(registry, "RegistryEmptyContentHash")
        .withArgs();
      expect((await registry.contribution(1, ethers.ZeroHash)).status).to.equal(Status.None);
    });

    it("rejects a bond below the model's minimum", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const e = entry("cheap", { bond: MIN_BOND - GWEI });
      await expect(registry.connect(alice).register(1, e))
        .to.be.revertedWithCustomError(registry, "RegistryBondTooLow")
        .withArgs(MIN_BOND - GWEI, MIN_BOND);
      expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.None);
    });

    it("rejects bonds that are not whole gwei or reach 2^64 gwei", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      for (const bond of [BOND + 1n, BOND + GWEI - 1n, (2n ** 64n) * GWEI, ethers.MaxUint256]) {
        const e = entry(`bond-${bond}`, { bond });
        await expect(registry.connect(alice).register(1, e))
          .to.be.revertedWithCustomError(registry, "RegistryBondNotStorable")
          .withArgs(bond);
        expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.None);
      }
    });

    it("stores the largest storable bond, 2^64 - 1 gwei, exactly", async function () {
      const { registry, token, admin, alice } = await loadFixture(registryFixture);
      const bond = (2n ** 64n - 1n) * GWEI;
      await token.connect(admin).mint(alice.address, bond);
      const e = entry("big", { bond });
      await registry.connect(alice).register(1, e);
      expect((await registry.contribution(1, e.contentHash)).bond).to.equal(bond);
    });

    it("registers without moving tokens when the model asks no bond", async function () {
      const { registry, token, owner, carol } = await loadFixture(registryFixture);
      await registry.connect(owner).createModel("free", policy({ minBond: 0 }));
      const e = entry("free", { bond: 0n });
      const tx = registry.connect(carol).register(3, e);
      await expect(tx).to.emit(registry, "ContributionRegistered");
      await expect(tx).not.to.emit(token, "Transfer");
      expect((await registry.contribution(3, e.contentHash)).status).to.equal(Status.Active);
    });

    it("rejects an unknown model", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      for (const modelId of [0n, 3n]) {
        await expect(registry.connect(alice).register(modelId, entry("a")))
          .to.be.revertedWithCustomError(registry, "RegistryUnknownModel")
          .withArgs(modelId);
      }
    });

    it("rejects a model that requires commit-reveal", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).register(2, entry("a")))
        .to.be.revertedWithCustomError(registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
      expect((await registry.contribution(2, ethers.id("a"))).status).to.equal(Status.None);
    });

    it("fails on the token when the contributor has not approved the bond", async function () {
      const { registry, token, carol } = await loadFixture(registryFixture);
      await expect(registry.connect(carol).register(1, entry("a")))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await registry.getAddress(), 0n, BOND);
      expect((await registry.contribution(1, ethers.id("a"))).status).to.equal(Status.None);
    });

    it("rejects a kind outside the enum", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).register(1, entry("a", { kind: 4 }))).to.be.revertedWithoutReason();
    });
  });

  describe("registerWithPermit", function () {
    it("pays the bond with a permit instead of an allowance", async function () {
      const { registry, token, carol } = await loadFixture(registryFixture);
      const deadline = (await time.latest()) + DAY;
      const sig = await signPermit(token, carol, await registry.getAddress(), BOND, deadline);
      const e = entry("permit");
      const tx = registry.connect(carol).registerWithPermit(1, e, deadline, sig.v, sig.r, sig.s);
      await expect(tx)
        .to.emit(registry, "ContributionRegistered")
        .withArgs(idOf(1n, e.contentHash), 1n, carol.address, e.contentHash, e.kind, BOND, e.uri);
      await expect(tx).to.changeTokenBalances(token, [carol, registry], [-BOND, BOND]);
      expect(await token.nonces(carol.address)).to.equal(1n);
    });

    it("tolerates a permit that someone front-ran, since the allowance is in place", async function () {
      const { registry, token, carol, other } = await loadFixture(registryFixture);
      const deadline = (await time.latest()) + DAY;
      const registryAddress = await registry.getAddress();
      const sig = await signPermit(token, carol, registryAddress, BOND, deadline);
      await token.connect(other).permit(carol.address, registryAddress, BOND, deadline, sig.v, sig.r, sig.s);
      const e = entry("permit");
      await expect(registry.connect(carol).registerWithPermit(1, e, deadline, sig.v, sig.r, sig.s))
        .to.emit(registry, "ContributionRegistered")
        .withArgs(idOf(1n, e.contentHash), 1n, carol.address, e.contentHash, e.kind, BOND, e.uri);
      expect(await token.allowance(carol.address, registryAddress)).to.equal(0n);
    });

    it("fails on the token when the permit is invalid and no allowance exists", async function () {
      const { registry, token, carol, other } = await loadFixture(registryFixture);
      const deadline = (await time.latest()) + DAY;
      const sig = await signPermit(token, other, await registry.getAddress(), BOND, deadline);
      await expect(registry.connect(carol).registerWithPermit(1, entry("permit"), deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(token, "ERC20InsufficientAllowance")
        .withArgs(await registry.getAddress(), 0n, BOND);
      expect((await registry.contribution(1, ethers.id("permit"))).status).to.equal(Status.None);
    });

    it("rejects a model that requires commit-reveal", async function () {
      const { registry, token, carol } = await loadFixture(registryFixture);
      const deadline = (await time.latest()) + DAY;
      const sig = await signPermit(token, carol, await registry.getAddress(), BOND, deadline);
      await expect(registry.connect(carol).registerWithPermit(2, entry("permit"), deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
      expect(await token.nonces(carol.address)).to.equal(0n);
    });
  });

  describe("registerBatch", function () {
    it("registers every entry with one event and one transfer of the summed bonds", async function () {
      const { registry, token, alice } = await loadFixture(registryFixture);
      const entries = [
        entry("b1"),
        entry("b2", { kind: Kind.Evaluation, bond: 2n * OPEN, uri: "" }),
        entry("b3", { kind: Kind.Compute, bond: 3n * OPEN + 7n * GWEI }),
      ];
      const total = entries.reduce((sum, e) => sum + e.bond, 0n);
      const tx = registry.connect(alice).registerBatch(1, entries);
      await expect(tx)
        .to.emit(registry, "ContributionsRegistered")
        .withArgs(1n, alice.address, entries.map(entryTuple));
      await expect(tx).not.to.emit(registry, "ContributionRegistered");
      await expect(tx).to.changeTokenBalances(token, [alice, registry], [-total, total]);
      const receipt = await (await tx).wait();
      const transfers = receipt.logs.filter((log) => log.address === token.target);
      expect(transfers).to.have.lengthOf(1);
      const at = BigInt(await time.latest());
      for (const e of entries) {
        expect(contributionTuple(await registry.contribution(1, e.contentHash))).to.deep.equal([
          alice.address, at, 0n, e.bond, BigInt(Status.Active),
        ]);
      }
    });

    it("rejects an empty batch", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).registerBatch(1, []))
        .to.be.revertedWithCustomError(registry, "RegistryEmptyBatch")
        .withArgs();
    });

    it("rejects a duplicate inside the batch and stores none of it", async function () {
      const { registry, token, alice } = await loadFixture(registryFixture);
      const entries = [entry("b1"), entry("b2"), entry("b1", { uri: "again" })];
      const balance = await token.balanceOf(alice.address);
      await expect(registry.connect(alice).registerBatch(1, entries))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(1n, entries[0].contentHash, idOf(1n, entries[0].contentHash));
      for (const e of entries) expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.None);
      expect(await token.balanceOf(alice.address)).to.equal(balance);
    });

    it("rejects content the model already holds", async function () {
      const { registry, alice, bob } = await loadFixture(registryFixture);
      await registry.connect(alice).register(1, entry("b2"));
      await expect(registry.connect(bob).registerBatch(1, [entry("b1"), entry("b2")]))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(1n, ethers.id("b2"), idOf(1n, ethers.id("b2")));
      expect((await registry.contribution(1, ethers.id("b1"))).status).to.equal(Status.None);
    });

    it("checks every entry's content hash and bond", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).registerBatch(1, [entry("b1"), entry("b2", { bond: MIN_BOND - GWEI })]))
        .to.be.revertedWithCustomError(registry, "RegistryBondTooLow")
        .withArgs(MIN_BOND - GWEI, MIN_BOND);
      await expect(registry.connect(alice).registerBatch(1, [entry("b1"), entry("b2", { bond: BOND + 1n })]))
        .to.be.revertedWithCustomError(registry, "RegistryBondNotStorable")
        .withArgs(BOND + 1n);
      await expect(registry.connect(alice).registerBatch(1, [entry("b1"), entry("b2", { contentHash: ethers.ZeroHash })]))
        .to.be.revertedWithCustomError(registry, "RegistryEmptyContentHash")
        .withArgs();
      expect((await registry.contribution(1, ethers.id("b1"))).status).to.equal(Status.None);
    });

    it("rejects an unknown model and a model that requires commit-reveal", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      await expect(registry.connect(alice).registerBatch(7, [entry("b1")]))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownModel")
        .withArgs(7n);
      await expect(registry.connect(alice).registerBatch(2, [entry("b1")]))
        .to.be.revertedWithCustomError(registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
    });

    it("pulls nothing when every bond is zero", async function () {
      const { registry, token, owner, carol } = await loadFixture(registryFixture);
      await registry.connect(owner).createModel("free", policy({ minBond: 0 }));
      const tx = registry.connect(carol).registerBatch(3, [entry("f1", { bond: 0n }), entry("f2", { bond: 0n })]);
      await expect(tx).to.emit(registry, "ContributionsRegistered");
      await expect(tx).not.to.emit(token, "Transfer");
    });

    it("costs at most 26,000 gas per item for 100 entries with empty URIs", async function () {
      const { registry, alice, bob } = await loadFixture(registryFixture);
      // Steady state: the registry already holds bonds, so its OPEN balance slot is not created by this batch.
      await registry.connect(bob).register(1, entry("warm-up"));
      const entries = Array.from({ length: 100 }, (_, i) => entry(`gas-${i}`, { uri: "" }));
      const receipt = await (await registry.connect(alice).registerBatch(1, entries)).wait();
      expect(receipt.gasUsed / 100n).to.be.at.most(26_000n);
    });

    // The ContributionsRegistered log is a copy of the calldata: the calldata must be exactly abi.encode's layout.
    describe("canonical event encoding", function () {
      const twoEntries = () => [
        entry("n0", { uri: "ipfs://first" }),
        entry("n1", { kind: Kind.Compute, uri: "ipfs://second" }),
      ];

      /** Sends raw calldata that Solidity decodes as `decodesAs`; expects RegistryNonCanonicalBatch(index). */
      async function expectNonCanonical(f, data, decodesAs, index) {
        const { registry, token, alice } = f;
        // Valid ABI that Solidity (and ethers) would decode: only its layout is wrong.
        expect(decodeBatch(data).entries).to.deep.equal(rawEntries(decodesAs));
        const balance = await token.balanceOf(alice.address);
        await expect(alice.sendTransaction({ to: await registry.getAddress(), data }))
          .to.be.revertedWithCustomError(registry, "RegistryNonCanonicalBatch")
          .withArgs(index);
        for (const e of decodesAs) expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.None);
        expect(await token.balanceOf(alice.address)).to.equal(balance);
      }

      /** Sends raw calldata; expects it registered and logged as exactly abi.encode(entries). */
      async function expectCanonicalLog(f, data, entries) {
        const { registry, alice } = f;
        const receipt = await (await alice.sendTransaction({ to: await registry.getAddress(), data })).wait();
        const log = batchLog(registry, receipt);
        expect(log.data).to.equal(canonicalEntries(rawEntries(entries)));
        expect(log.topics.slice(1)).to.deep.equal([ethers.toBeHex(1, 32), ethers.zeroPadValue(alice.address, 32)]);
        for (const e of entries) expect((await registry.contribution(1, e.contentHash)).bond).to.equal(e.bond);
      }

      it("logs exactly abi.encode(entries) for the calldata ethers produces", async function () {
        const f = await loadFixture(registryFixture);
        const entries = [entry("c0", { uri: "" }), entry("c1", { uri: "x".repeat(32) }), entry("c2", { uri: "y".repeat(33) })];
        await expectCanonicalLog(f, f.registry.interface.encodeFunctionData("registerBatch", [1, entries]), entries);
      });

      it("rejects non-zero bytes in a uri's padding", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries();
        for (const [index, bits] of [[0, 1n], [1, 0xffn << 8n], [1, 1n << 151n]]) {
          const { words, join, entryStart } = batchWords(f.registry, 1n, entries);
          words[entryStart(index) + 5] |= bits; // after "ipfs://first" (12 bytes) / "ipfs://second" (13 bytes)
          await expectNonCanonical(f, join(words), entries, index);
        }
      });

      it("rejects a gap before an element", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries();
        for (const index of [0, 1]) {
          const { words, join, entryStart } = batchWords(f.registry, 1n, entries);
          words.splice(entryStart(index), 0, 0n);
          for (let i = index; i < entries.length; i++) words[3 + i] += 32n;
          await expectNonCanonical(f, join(words), entries, index);
        }
      });

      it("rejects repeated, out-of-order and partly overlapping elements", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries();
        let { words, join } = batchWords(f.registry, 1n, entries);
        words[4] = words[3]; // entry 1 is entry 0 again
        await expectNonCanonical(f, join(words), [entries[0], entries[0]], 1);
        ({ words, join } = batchWords(f.registry, 1n, entries));
        [words[3], words[4]] = [words[4], words[3]]; // elements swapped
        await expectNonCanonical(f, join(words), [entries[1], entries[0]], 0);
        // Entry 1's head is entry 0's uri length word and uri bytes: [96, 1, 0x20, 0x100] read as
        // contentHash, kind, bond, uri offset (its empty uri then sits after a gap).
        const { join: raw } = batchWords(f.registry, 1n, []);
        const h0 = BigInt(ethers.id("overlap"));
        words = [1n, 0x40n, 2n, 0x40n, 0xc0n, h0, 0n, BOND, 0x80n, 96n, 1n, 0x20n, 0x100n, 0n, 0n, 0n, 0n, 0n];
        const data = raw(words);
        const decoded = decodeBatch(data).entries;
        expect(decoded[1]).to.deep.equal({ contentHash: ethers.toBeHex(96, 32), kind: Kind.Compute, bond: 0x20n, uri: "0x" });
        await expectNonCanonical(f, data, decoded, 1);
      });

      it("rejects a uri offset other than 0x80, including two entries sharing one uri", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries();
        let { words, join, entryStart } = batchWords(f.registry, 1n, entries);
        words.splice(entryStart(0) + 4, 0, 0n); // a gap word between entry 0's static part and its uri
        words[entryStart(0) + 3] = 0xa0n;
        words[4] += 32n;
        await expectNonCanonical(f, join(words), entries, 0);
        ({ words, join, entryStart } = batchWords(f.registry, 1n, entries));
        const [e0, e1] = [entryStart(0), entryStart(1)];
        words[e0 + 3] = BigInt((e1 + 4 - e0) * 32); // entry 0's uri is entry 1's uri
        await expectNonCanonical(f, join(words), [{ ...entries[0], uri: entries[1].uri }, entries[1]], 0);
      });

      it("rejects element offsets that are not below 2^64 or point past the calldata", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries();
        const to = await f.registry.getAddress();
        for (const patch of [(w) => { w[4] = 2n ** 64n; }, (w) => { w[4] = BigInt((w.length - 3) * 32 - 64); }]) {
          const { words, join } = batchWords(f.registry, 1n, entries);
          patch(words);
          await expect(f.alice.sendTransaction({ to, data: join(words) }))
            .to.be.revertedWithCustomError(f.registry, "RegistryNonCanonicalBatch")
            .withArgs(1);
        }
      });

      it("rejects calldata whose kind is out of range or whose uri runs past the end, without data", async function () {
        const { registry, alice } = await loadFixture(registryFixture);
        const entries = [entry("m0"), entry("m1")];
        const to = await registry.getAddress();
        const patches = [
          (w, at) => { w[at(1) + 1] = 4n; }, // kind
          (w, at) => { w[at(1) + 4] = 2n ** 20n; }, // uri length past the calldata
          (w, at) => { w[at(1) + 4] = 2n ** 64n; }, // uri length not below 2^64
          (w, at) => { w[at(1) + 4] = ethers.MaxUint256; }, // uri length that would wrap the end
        ];
        for (const patch of patches) {
          const { words, join, entryStart } = batchWords(registry, 1n, entries);
          patch(words, entryStart);
          await expect(alice.sendTransaction({ to, data: join(words) })).to.be.revertedWithoutReason();
        }
        for (const e of entries) expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.None);
      });

      it("logs canonically, leaving out what lies outside the array: trailing bytes and a gap before it", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries();
        const { words, join } = batchWords(f.registry, 1n, entries);
        await expectCanonicalLog(f, ethers.concat([join(words), "0xdeadbeef", ethers.toBeHex(ethers.MaxUint256)]), entries);
        const moved = [entry("t0", { uri: "ipfs://moved" }), entry("t1", { uri: "" })];
        const second = batchWords(f.registry, 1n, moved);
        second.words.splice(2, 0, ethers.MaxUint256); // a junk word between the head and the array
        second.words[1] = 0x60n;
        await expectCanonicalLog(f, second.join(second.words), moved);
      });

      it("logs zero padding where the calldata leaves out the last uri's padding", async function () {
        const f = await loadFixture(registryFixture);
        const entries = twoEntries(); // the last uri has 13 bytes: 19 bytes of padding end the calldata
        const data = f.registry.interface.encodeFunctionData("registerBatch", [1, entries]);
        await expectCanonicalLog(f, ethers.dataSlice(data, 0, ethers.dataLength(data) - 19), entries);
      });

      it("logs abi.encode of what it registered for every mutated calldata it accepts, and changes nothing otherwise", async function () {
        // Hundreds of transactions: played on the deployed (optimised) bytecode only, like tests/contracts/Properties.
        if (hre.__SOLIDITY_COVERAGE_RUNNING) this.skip();
        const { registry, token, alice } = await loadFixture(registryFixture);
        const to = await registry.getAddress();
        const SEED = 0x5eed0b47;
        const rng = prng(SEED);
        const outcomes = { accepted: 0, RegistryNonCanonicalBatch: 0, "revert without data": 0 };
        const stateOf = async (modelIds, hashes) => [
          await token.balanceOf(alice.address),
          await token.balanceOf(to),
          ...(await Promise.all(modelIds.flatMap((m) => hashes.map((h) => registry.contribution(m, h))))).map(contributionTuple),
        ];
        for (let round = 0; round < 300; round++) {
          const entries = randomBatch(rng, round);
          const { data, applied } = mutateBatch(rng, registry.interface.encodeFunctionData("registerBatch", [1, entries]));
          const context = `seed ${SEED} round ${round} (${applied.join(", ")}): ${data}`;
          let decoded = null;
          try {
            decoded = decodeBatch(data);
          } catch {
            decoded = null;
          }
          const modelIds = [1n, ...(decoded && decoded.modelId !== 1n ? [decoded.modelId] : [])];
          const hashes = [...entries, ...(decoded?.entries ?? [])].map((e) => e.contentHash);
          const before = await stateOf(modelIds, hashes);
          let receipt = null;
          let failure = null;
          try {
            receipt = await (await alice.sendTransaction({ to, data, gasLimit: 3_000_000 })).wait();
          } catch (error) {
            failure = error;
          }
          if (receipt) {
            outcomes.accepted++;
            expect(decoded, context).to.not.equal(null);
            const log = batchLog(registry, receipt);
            expect(log.data, context).to.equal(canonicalEntries(decoded.entries));
            expect(log.topics[1], context).to.equal(ethers.toBeHex(decoded.modelId, 32));
            for (const e of decoded.entries) {
              const stored = await registry.contribution(decoded.modelId, e.contentHash);
              expect([stored.contributor, stored.bond, stored.status], context).to.deep.equal([alice.address, e.bond, BigInt(Status.Active)]);
            }
          } else {
            expect(await stateOf(modelIds, hashes), context).to.deep.equal(before);
            const revertData = failure.data;
            expect(revertData, `${context}: ${failure.message}`).to.be.a("string");
            const name = revertData === "0x" ? "revert without data" : registry.interface.parseError(revertData)?.name;
            expect(name, `${context}: ${revertData}`).to.be.a("string").and.not.equal("Panic");
            outcomes[name] = (outcomes[name] ?? 0) + 1;
          }
        }
        console.log(`        ${JSON.stringify(outcomes)}`);
        // Both sides are well represented, so the properties above were actually exercised.
        expect(outcomes.accepted).to.be.at.least(60);
        expect(outcomes.RegistryNonCanonicalBatch).to.be.at.least(60);
      });
    });
  });

  describe("registerBySig", function () {
    async function signed(f, overrides = {}) {
      const e = overrides.entry ?? entry("signed");
      const modelId = overrides.modelId ?? 1n;
      const deadline = overrides.deadline ?? BigInt((await time.latest()) + DAY);
      const nonce = overrides.nonce ?? (await f.registry.nonces(f.alice.address));
      const signer = overrides.signer ?? f.alice;
      const signature = await signRegister(signer, f.registry, {
        modelId, entry: e, contributor: f.alice.address, nonce, deadline, domain: overrides.domain,
      });
      return { e, modelId, deadline, signature };
    }

    it("registers for the signer when anyone relays the signature, taking the signer's bond and nonce", async function () {
      const f = await loadFixture(registryFixture);
      const { registry, token, alice, relayer } = f;
      const { e, deadline, signature } = await signed(f);
      const tx = registry.connect(relayer).registerBySig(1, e, alice.address, deadline, signature);
      await expect(tx)
        .to.emit(registry, "ContributionRegistered")
        .withArgs(idOf(1n, e.contentHash), 1n, alice.address, e.contentHash, e.kind, BOND, e.uri);
      await expect(tx).to.changeTokenBalances(token, [alice, relayer, registry], [-BOND, 0n, BOND]);
      expect(await registry.nonces(alice.address)).to.equal(1n);
      expect((await registry.contribution(1, e.contentHash)).contributor).to.equal(alice.address);
    });

    it("accepts a deadline equal to the block time", async function () {
      const f = await loadFixture(registryFixture);
      const deadline = BigInt((await time.latest()) + 10);
      const { e, signature } = await signed(f, { deadline });
      await time.setNextBlockTimestamp(deadline);
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.emit(f.registry, "ContributionRegistered");
    });

    it("rejects a replayed signature because its nonce is spent", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f);
      await f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature);
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
      expect(await f.registry.nonces(f.alice.address)).to.equal(1n);
    });

    it("rejects a signature made for a future nonce", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f, { nonce: 1n });
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
      expect(await f.registry.nonces(f.alice.address)).to.equal(0n);
    });

    it("rejects a signature made for another chain id", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f, { domain: { chainId: 1n } });
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
    });

    it("rejects a signature made for another registry", async function () {
      const f = await loadFixture(registryFixture);
      const twin = await ethers.deployContract("ContributionRegistry", [await f.token.getAddress(), f.admin.address]);
      const { e, deadline, signature } = await signed(f, { domain: { verifyingContract: await twin.getAddress() } });
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
      expect((await f.registry.contribution(1, e.contentHash)).status).to.equal(Status.None);
    });

    it("rejects a signature by someone other than the contributor", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f, { signer: f.bob });
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
    });

    it("rejects a relayed entry that differs from the signed one", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f);
      for (const changed of [{ ...e, bond: 2n * OPEN }, { ...e, uri: "ipfs://other" }, { ...e, kind: Kind.Compute }]) {
        await expect(f.registry.connect(f.relayer).registerBySig(1, changed, f.alice.address, deadline, signature))
          .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
          .withArgs(f.alice.address);
      }
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline + 1n, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
    });

    it("rejects the malleable high-s twin of a valid signature", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f);
      const twin = malleate(signature);
      expect(twin).to.not.equal(signature);
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, twin))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
      // The original still works: the failed attempt consumed nothing.
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.emit(f.registry, "ContributionRegistered");
    });

    it("rejects signatures of the wrong length and the zero contributor", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f);
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, ethers.dataSlice(signature, 0, 64)))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(f.alice.address);
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, ethers.ZeroAddress, deadline, "0x" + "00".repeat(65)))
        .to.be.revertedWithCustomError(f.registry, "RegistryInvalidSignature")
        .withArgs(ethers.ZeroAddress);
    });

    it("rejects an expired deadline", async function () {
      const f = await loadFixture(registryFixture);
      const deadline = BigInt(await time.latest());
      const { e, signature } = await signed(f, { deadline });
      await expect(f.registry.connect(f.relayer).registerBySig(1, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistrySignatureExpired")
        .withArgs(deadline);
      expect(await f.registry.nonces(f.alice.address)).to.equal(0n);
    });

    it("rejects a model that requires commit-reveal, even with a valid signature", async function () {
      const f = await loadFixture(registryFixture);
      const { e, deadline, signature } = await signed(f, { modelId: 2n });
      await expect(f.registry.connect(f.relayer).registerBySig(2, e, f.alice.address, deadline, signature))
        .to.be.revertedWithCustomError(f.registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
      expect(await f.registry.nonces(f.alice.address)).to.equal(0n);
    });
  });

  describe("commit", function () {
    it("records the block of the first submission", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const commitment = commitmentOf(alice.address, 2n, ethers.id("secret"), ethers.id("salt"));
      const tx = await registry.connect(alice).commit(commitment);
      await expect(tx).to.emit(registry, "Committed").withArgs(commitment, alice.address, tx.blockNumber);
      expect(await registry.commitmentBlock(commitment)).to.equal(BigInt(tx.blockNumber));
    });

    it("rejects a second submission, so copying someone's commitment cannot reset it", async function () {
      const { registry, alice, copier } = await loadFixture(registryFixture);
      const commitment = commitmentOf(alice.address, 2n, ethers.id("secret"), ethers.id("salt"));
      const tx = await registry.connect(alice).commit(commitment);
      await mine(5);
      await expect(registry.connect(copier).commit(commitment))
        .to.be.revertedWithCustomError(registry, "RegistryAlreadyCommitted")
        .withArgs(commitment);
      expect(await registry.commitmentBlock(commitment)).to.equal(BigInt(tx.blockNumber));
    });
  });

  describe("reveal", function () {
    const salt = ethers.id("alice's salt");

    it("registers the committed content a block later and deletes the commitment", async function () {
      const { registry, token, alice } = await loadFixture(registryFixture);
      const e = entry("secret");
      const commitment = commitmentOf(alice.address, 2n, e.contentHash, salt);
      await registry.connect(alice).commit(commitment);
      const tx = registry.connect(alice).reveal(2, e, salt);
      await expect(tx)
        .to.emit(registry, "ContributionRegistered")
        .withArgs(idOf(2n, e.contentHash), 2n, alice.address, e.contentHash, e.kind, BOND, e.uri);
      await expect(tx).to.changeTokenBalances(token, [alice, registry], [-BOND, BOND]);
      expect(await registry.commitmentBlock(commitment)).to.equal(0n);
      await expect(registry.connect(alice).reveal(2, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownCommitment")
        .withArgs(commitment);
    });

    it("also works on a model that does not require it", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const e = entry("secret");
      await registry.connect(alice).commit(commitmentOf(alice.address, 1n, e.contentHash, salt));
      await expect(registry.connect(alice).reveal(1, e, salt)).to.emit(registry, "ContributionRegistered");
    });

    it("rejects a reveal in the block of its commitment", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const e = entry("secret");
      const commitment = commitmentOf(alice.address, 2n, e.contentHash, salt);
      await ethers.provider.send("evm_setAutomine", [false]);
      let commitTx;
      let revealTx;
      try {
        commitTx = await registry.connect(alice).commit(commitment, { gasLimit: 100_000 });
        revealTx = await registry.connect(alice).reveal(2, e, salt, { gasLimit: 300_000 });
        await mine();
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      const committed = await commitTx.wait();
      expect((await ethers.provider.getTransactionReceipt(revealTx.hash)).blockNumber).to.equal(committed.blockNumber);
      expect(await minedRevert(registry, revealTx)).to.deep.equal({
        name: "RegistryCommitmentTooRecent",
        args: [commitment, BigInt(committed.blockNumber)],
      });
      expect(await registry.commitmentBlock(commitment)).to.equal(BigInt(committed.blockNumber));
      expect((await registry.contribution(2, e.contentHash)).status).to.equal(Status.None);
    });

    it("rejects a wrong salt, model or content hash", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const e = entry("secret");
      await registry.connect(alice).commit(commitmentOf(alice.address, 2n, e.contentHash, salt));
      const attempts = [
        [2n, e, ethers.id("other salt")],
        [1n, e, salt],
        [2n, entry("other"), salt],
      ];
      for (const [modelId, revealed, s] of attempts) {
        await expect(registry.connect(alice).reveal(modelId, revealed, s))
          .to.be.revertedWithCustomError(registry, "RegistryUnknownCommitment")
          .withArgs(commitmentOf(alice.address, modelId, revealed.contentHash, s));
      }
    });

    it("still enforces the model's rules on the revealed entry", async function () {
      const { registry, alice } = await loadFixture(registryFixture);
      const e = entry("secret", { bond: 1n });
      const commitment = commitmentOf(alice.address, 2n, e.contentHash, salt);
      await registry.connect(alice).commit(commitment);
      await expect(registry.connect(alice).reveal(2, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryBondNotStorable")
        .withArgs(1n);
      expect(await registry.commitmentBlock(commitment)).to.not.equal(0n);
      await expect(registry.connect(alice).reveal(9, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownCommitment")
        .withArgs(commitmentOf(alice.address, 9n, e.contentHash, salt));
    });

    it("stops a copier who saw the content hash in the victim's pending reveal", async function () {
      const { registry, alice, copier, relayer } = await loadFixture(registryFixture);
      const e = entry("valuable dataset");
      const victimCommitment = commitmentOf(alice.address, 2n, e.contentHash, salt);
      await registry.connect(alice).commit(victimCommitment);
      // The copier sees the reveal (model, entry, salt) in the mempool and races it.
      await expect(registry.connect(copier).register(2, e))
        .to.be.revertedWithCustomError(registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
      await expect(registry.connect(copier).registerBatch(2, [e]))
        .to.be.revertedWithCustomError(registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
      const deadline = BigInt((await time.latest()) + DAY);
      const copierSig = await signRegister(copier, registry, { modelId: 2n, entry: e, nonce: 0n, deadline });
      await expect(registry.connect(relayer).registerBySig(2, e, copier.address, deadline, copierSig))
        .to.be.revertedWithCustomError(registry, "RegistryCommitRevealRequired")
        .withArgs(2n);
      // Re-submitting the victim's commitment neither resets it nor lets the copier reveal it.
      await expect(registry.connect(copier).commit(victimCommitment))
        .to.be.revertedWithCustomError(registry, "RegistryAlreadyCommitted")
        .withArgs(victimCommitment);
      await expect(registry.connect(copier).reveal(2, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownCommitment")
        .withArgs(commitmentOf(copier.address, 2n, e.contentHash, salt));
      // The copier's own fresh commitment is too recent to reveal in the victim's block.
      const copierCommitment = commitmentOf(copier.address, 2n, e.contentHash, salt);
      await ethers.provider.send("evm_setAutomine", [false]);
      let copierCommit;
      let copierReveal;
      let victimReveal;
      try {
        copierCommit = await registry.connect(copier).commit(copierCommitment, { gasLimit: 100_000 });
        copierReveal = await registry.connect(copier).reveal(2, e, salt, { gasLimit: 300_000 });
        victimReveal = await registry.connect(alice).reveal(2, e, salt, { gasLimit: 300_000 });
        await mine();
      } finally {
        await ethers.provider.send("evm_setAutomine", [true]);
      }
      const copierBlock = BigInt((await copierCommit.wait()).blockNumber);
      expect(await minedRevert(registry, copierReveal)).to.deep.equal({
        name: "RegistryCommitmentTooRecent",
        args: [copierCommitment, copierBlock],
      });
      await expect(victimReveal).to.emit(registry, "ContributionRegistered");
      expect((await registry.contribution(2, e.contentHash)).contributor).to.equal(alice.address);
      // Later, the copier's commitment only meets the victim's content.
      await expect(registry.connect(copier).reveal(2, e, salt))
        .to.be.revertedWithCustomError(registry, "RegistryDuplicateContent")
        .withArgs(2n, e.contentHash, idOf(2n, e.contentHash));
    });
  });

  describe("flag", function () {
    async function registered() {
      const f = await loadFixture(registryFixture);
      const e = entry("suspicious");
      await f.registry.connect(f.alice).register(1, e);
      return { ...f, e, id: idOf(1n, e.contentHash) };
    }

    it("lets a validator flag an active contribution", async function () {
      const { registry, validator, e, id } = await registered();
      const tx = registry.connect(validator).flag(1, e.contentHash, "copied from a public set");
      await expect(tx).to.emit(registry, "ContributionFlagged").withArgs(id, validator.address, "copied from a public set");
      const c = await registry.contribution(1, e.contentHash);
      expect(c.status).to.equal(Status.Flagged);
      expect(c.flaggedAt).to.equal(BigInt(await time.latest()));
      expect(c.bond).to.equal(BOND);
    });

    it("rejects anyone who does not validate the model", async function () {
      const { registry, owner, alice, validator, e } = await registered();
      await expect(registry.connect(alice).flag(1, e.contentHash, "x"))
        .to.be.revertedWithCustomError(registry, "RegistryNotValidator")
        .withArgs(1n, alice.address);
      await registry.connect(owner).setValidator(1, validator.address, false);
      await expect(registry.connect(validator).flag(1, e.contentHash, "x"))
        .to.be.revertedWithCustomError(registry, "RegistryNotValidator")
        .withArgs(1n, validator.address);
      expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.Active);
    });

    it("rejects content the model does not hold", async function () {
      const { registry, validator } = await registered();
      await expect(registry.connect(validator).flag(1, ethers.id("absent"), "x"))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownContribution")
        .withArgs(1n, ethers.id("absent"));
    });

    it("rejects a contribution that is already flagged or slashed", async function () {
      const { registry, validator, other, e, id } = await registered();
      await registry.connect(validator).flag(1, e.contentHash, "first");
      const flaggedAt = (await registry.contribution(1, e.contentHash)).flaggedAt;
      await expect(registry.connect(validator).flag(1, e.contentHash, "again"))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(id, Status.Flagged);
      expect((await registry.contribution(1, e.contentHash)).flaggedAt).to.equal(flaggedAt);
      await time.increase(DISPUTE_WINDOW);
      await registry.connect(other).slash(1, e.contentHash);
      await expect(registry.connect(validator).flag(1, e.contentHash, "again"))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(id, Status.Slashed);
    });
  });

  describe("dismissFlag", function () {
    async function flagged() {
      const f = await loadFixture(registryFixture);
      const e = entry("suspicious");
      await f.registry.connect(f.alice).register(1, e);
      await f.registry.connect(f.validator).flag(1, e.contentHash, "bad");
      const flaggedAt = BigInt(await time.latest());
      return { ...f, e, id: idOf(1n, e.contentHash), endsAt: flaggedAt + BigInt(DISPUTE_WINDOW) };
    }

    it("lets the model owner clear a flag inside the dispute window", async function () {
      const { registry, owner, validator, e, id, endsAt } = await flagged();
      await time.setNextBlockTimestamp(endsAt - 1n);
      await expect(registry.connect(owner).dismissFlag(1, e.contentHash)).to.emit(registry, "FlagDismissed").withArgs(id, owner.address);
      const c = await registry.contribution(1, e.contentHash);
      expect([c.status, c.flaggedAt, c.bond]).to.deep.equal([BigInt(Status.Active), 0n, BOND]);
      await expect(registry.connect(validator).flag(1, e.contentHash, "again")).to.emit(registry, "ContributionFlagged");
    });

    it("rejects anyone but the model owner, and unknown models", async function () {
      const { registry, validator, e } = await flagged();
      await expect(registry.connect(validator).dismissFlag(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryNotModelOwner")
        .withArgs(1n, validator.address);
      await expect(registry.connect(validator).dismissFlag(5, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownModel")
        .withArgs(5n);
      expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.Flagged);
    });

    it("rejects once the dispute window has ended", async function () {
      const { registry, owner, e, id, endsAt } = await flagged();
      await time.setNextBlockTimestamp(endsAt);
      await expect(registry.connect(owner).dismissFlag(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryDisputeWindowClosed")
        .withArgs(id, endsAt);
      expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.Flagged);
    });

    it("keeps the window fixed when the owner changes the policy after the flag", async function () {
      const { registry, owner, e, id, endsAt } = await flagged();
      await registry.connect(owner).setPolicy(1, policy({ disputeWindow: 30 * DAY }));
      await time.setNextBlockTimestamp(endsAt);
      await expect(registry.connect(owner).dismissFlag(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryDisputeWindowClosed")
        .withArgs(id, endsAt);
    });

    it("rejects contributions that are not flagged, or unknown", async function () {
      const { registry, owner, alice } = await flagged();
      const other = entry("fine");
      await registry.connect(alice).register(1, other);
      await expect(registry.connect(owner).dismissFlag(1, other.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(idOf(1n, other.contentHash), Status.Active);
      await expect(registry.connect(owner).dismissFlag(1, ethers.id("absent")))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownContribution")
        .withArgs(1n, ethers.id("absent"));
    });
  });

  describe("slash", function () {
    async function flagged() {
      const f = await loadFixture(registryFixture);
      const e = entry("suspicious");
      await f.registry.connect(f.alice).register(1, e);
      await f.registry.connect(f.validator).flag(1, e.contentHash, "bad");
      const endsAt = BigInt(await time.latest()) + BigInt(DISPUTE_WINDOW);
      return { ...f, e, id: idOf(1n, e.contentHash), endsAt };
    }

    it("moves the bond into the model's reward pool once the window has ended", async function () {
      const { registry, distributor, token, other, e, id, endsAt } = await flagged();
      await time.setNextBlockTimestamp(endsAt);
      const tx = registry.connect(other).slash(1, e.contentHash);
      await expect(tx).to.emit(registry, "ContributionSlashed").withArgs(id, 1n, BOND);
      await expect(tx).to.emit(distributor, "RewardPoolFunded").withArgs(1n, await registry.getAddress(), BOND);
      await expect(tx).to.changeTokenBalances(token, [registry, distributor, other], [-BOND, BOND, 0n]);
      expect(await distributor.rewardPool(1)).to.equal(BOND);
      expect(await token.allowance(await registry.getAddress(), await distributor.getAddress())).to.equal(0n);
      const c = await registry.contribution(1, e.contentHash);
      expect([c.status, c.bond, c.flaggedAt]).to.deep.equal([BigInt(Status.Slashed), 0n, endsAt - BigInt(DISPUTE_WINDOW)]);
    });

    it("rejects inside the dispute window", async function () {
      const { registry, token, other, e, id, endsAt } = await flagged();
      await time.setNextBlockTimestamp(endsAt - 1n);
      await expect(registry.connect(other).slash(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryDisputeWindowOpen")
        .withArgs(id, endsAt);
      expect(await token.balanceOf(await registry.getAddress())).to.equal(BOND);
    });

    it("rejects contributions that are not flagged, already slashed, or unknown", async function () {
      const { registry, alice, other, e, id, endsAt } = await flagged();
      const fine = entry("fine");
      await registry.connect(alice).register(1, fine);
      await expect(registry.connect(other).slash(1, fine.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(idOf(1n, fine.contentHash), Status.Active);
      await time.increaseTo(endsAt);
      await registry.connect(other).slash(1, e.contentHash);
      await expect(registry.connect(other).slash(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(id, Status.Slashed);
      await expect(registry.connect(other).slash(1, ethers.id("absent")))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownContribution")
        .withArgs(1n, ethers.id("absent"));
    });

    it("marks a bond-free contribution slashed without funding the pool", async function () {
      const { registry, distributor, owner, carol, validator, other } = await loadFixture(registryFixture);
      await registry.connect(owner).createModel("free", policy({ minBond: 0, disputeWindow: 0 }));
      await registry.connect(owner).setValidator(3, validator.address, true);
      const e = entry("free", { bond: 0n });
      await registry.connect(carol).register(3, e);
      await registry.connect(validator).flag(3, e.contentHash, "bad");
      const tx = registry.connect(other).slash(3, e.contentHash);
      await expect(tx).to.emit(registry, "ContributionSlashed").withArgs(idOf(3n, e.contentHash), 3n, 0n);
      await expect(tx).not.to.emit(distributor, "RewardPoolFunded");
      expect((await registry.contribution(3, e.contentHash)).status).to.equal(Status.Slashed);
    });

    it("rejects while no distributor is wired", async function () {
      const { registry, owner, alice } = await loadFixture(unwiredFixture);
      const e = entry("x");
      await registry.connect(alice).register(1, e);
      await registry.connect(owner).setValidator(1, owner.address, true);
      await registry.connect(owner).flag(1, e.contentHash, "bad");
      await time.increase(DISPUTE_WINDOW);
      await expect(registry.slash(1, e.contentHash)).to.be.revertedWithCustomError(registry, "RegistryDistributorNotSet").withArgs();
      expect((await registry.contribution(1, e.contentHash)).status).to.equal(Status.Flagged);
    });
  });

  describe("withdrawBond", function () {
    async function registered() {
      const f = await loadFixture(registryFixture);
      const e = entry("dataset");
      await f.registry.connect(f.alice).register(1, e);
      const unlocksAt = BigInt(await time.latest()) + BigInt(BOND_LOCK);
      return { ...f, e, id: idOf(1n, e.contentHash), unlocksAt };
    }

    it("returns the bond to the contributor after the lock and keeps the contribution active", async function () {
      const { registry, token, alice, e, id, unlocksAt } = await registered();
      await time.setNextBlockTimestamp(unlocksAt);
      const tx = registry.connect(alice).withdrawBond(1, e.contentHash);
      await expect(tx).to.emit(registry, "BondWithdrawn").withArgs(id, alice.address, BOND);
      await expect(tx).to.changeTokenBalances(token, [alice, registry], [BOND, -BOND]);
      const c = await registry.contribution(1, e.contentHash);
      expect([c.contributor, c.status, c.bond]).to.deep.equal([alice.address, BigInt(Status.Active), 0n]);
      await expect(registry.connect(alice).withdrawBond(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryNoBond")
        .withArgs(id);
    });

    it("rejects before the lock ends", async function () {
      const { registry, alice, e, id, unlocksAt } = await registered();
      await time.setNextBlockTimestamp(unlocksAt - 1n);
      await expect(registry.connect(alice).withdrawBond(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryBondLocked")
        .withArgs(id, unlocksAt);
      expect((await registry.contribution(1, e.contentHash)).bond).to.equal(BOND);
    });

    it("rejects anyone but the contributor", async function () {
      const { registry, bob, e, id, unlocksAt } = await registered();
      await time.increaseTo(unlocksAt);
      await expect(registry.connect(bob).withdrawBond(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryNotContributor")
        .withArgs(id, bob.address);
    });

    it("rejects a flagged or slashed contribution", async function () {
      const { registry, alice, validator, other, e, id, unlocksAt } = await registered();
      await registry.connect(validator).flag(1, e.contentHash, "bad");
      await time.increaseTo(unlocksAt);
      await expect(registry.connect(alice).withdrawBond(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(id, Status.Flagged);
      await registry.connect(other).slash(1, e.contentHash);
      await expect(registry.connect(alice).withdrawBond(1, e.contentHash))
        .to.be.revertedWithCustomError(registry, "RegistryWrongStatus")
        .withArgs(id, Status.Slashed);
    });

    it("rejects unknown content", async function () {
      const { registry, alice } = await registered();
      await expect(registry.connect(alice).withdrawBond(1, ethers.id("absent")))
        .to.be.revertedWithCustomError(registry, "RegistryUnknownContribution")
        .withArgs(1n, ethers.id("absent"));
    });

    it("lets a withdrawn contribution still be flagged and slashed, for nothing", async function () {
      const { registry, distributor, alice, validator, other, e, id, unlocksAt } = await registered();
      await time.increaseTo(unlocksAt);
      await registry.connect(alice).withdrawBond(1, e.contentHash);
      await registry.connect(validator).flag(1, e.contentHash, "late");
      await time.increase(DISPUTE_WINDOW);
      const tx = registry.connect(other).slash(1, e.contentHash);
      await expect(tx).to.emit(registry, "ContributionSlashed").withArgs(id, 1n, 0n);
      await expect(tx).not.to.emit(distributor, "RewardPoolFunded");
    });
  });
});
