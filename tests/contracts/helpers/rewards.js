// Fixtures and Merkle helpers shared by the ModelShares, RewardDistributor and property tests.
const { ethers } = require("hardhat");
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");
const { time, setBalance } = require("@nomicfoundation/hardhat-network-helpers");
const { deployAll } = require("../../../scripts/lib/deployment");

const LEAF_TYPES = ["uint256", "address", "uint256", "uint256"];
const WINDOW = 3600n;
const OPEN = 10n ** 18n;
const POLICY = { minBond: 0n, bondLock: 0, disputeWindow: 0, ownerBps: 1000, poolBps: 2000, commitReveal: false, minPrecisionBps: 0 };

/** A StandardMerkleTree over leaves {account, open, shares}; leaf i has index i. */
function buildTree(leaves) {
  const values = leaves.map((leaf, i) => [i, leaf.account, leaf.open, leaf.shares]);
  const tree = StandardMerkleTree.of(values, LEAF_TYPES);
  const totalOpen = leaves.reduce((sum, leaf) => sum + BigInt(leaf.open), 0n);
  const totalShares = leaves.reduce((sum, leaf) => sum + BigInt(leaf.shares), 0n);
  return {
    tree,
    root: tree.root,
    totalOpen,
    totalShares,
    leaf: (i) => leaves[i],
    proof: (i) => tree.getProof(i),
    args: (i) => [BigInt(i), leaves[i].account, BigInt(leaves[i].open), BigInt(leaves[i].shares), tree.getProof(i)],
  };
}

/** Token, registry, shares and distributor wired by deployAll, one model (id 1) with POLICY, funded users. */
async function deployRewardsFixture() {
  const [admin, reporter, guardian, modelOwner, alice, bob, carol, funder, other] = await ethers.getSigners();
  const deployment = await deployAll(ethers, { admin, reporter, guardian, challengeWindow: Number(WINDOW) });
  const { token, registry, shares, distributor } = deployment;
  await registry.connect(modelOwner).createModel("ipfs://model-1", POLICY);
  const modelId = 1n;
  for (const user of [funder, alice, bob, carol, other]) {
    await token.connect(admin).mint(user.address, 1_000_000n * OPEN);
    await token.connect(user).approve(await shares.getAddress(), ethers.MaxUint256);
    await token.connect(user).approve(await distributor.getAddress(), ethers.MaxUint256);
  }
  return { ...deployment, modelId, modelOwner, alice, bob, carol, funder, other };
}

/** The test set hash the helpers seal for (model, epoch): distinct per epoch, as a model never seals a set twice. */
const testSetHashOf = (modelId, epoch) => ethers.id(`test set of model ${modelId} epoch ${epoch}`);

/** Has the model owner seal the epoch's evaluation set (postEpoch requires it), unless it is sealed already. */
async function sealEvaluation(f, epoch, modelId = f.modelId) {
  const sealed = await f.distributor.evaluationCommitment(modelId, epoch);
  if (sealed.testSetHash !== ethers.ZeroHash) return sealed.testSetHash;
  const hash = testSetHashOf(modelId, epoch);
  await f.distributor.connect(f.modelOwner).commitEvaluationSet(modelId, epoch, hash);
  return hash;
}

/** Seals the evaluation set, funds the pool with exactly the tree's OPEN, posts `epoch`, and (unless `open` is false) ends its window. */
async function postTree(f, leaves, { epoch = 1n, modelId = f.modelId, open = true } = {}) {
  const t = buildTree(leaves);
  await sealEvaluation(f, epoch, modelId);
  if (t.totalOpen > 0n) await f.distributor.connect(f.funder).fundRewardPool(modelId, t.totalOpen);
  await f.distributor
    .connect(f.reporter)
    .postEpoch(modelId, epoch, t.root, t.totalOpen, t.totalShares, ethers.id(`report ${epoch}`), `ipfs://report-${epoch}`);
  if (open) await time.increase(WINDOW);
  return t;
}

/** A signer that sends as the distributor, to mint shares directly in ModelShares tests. */
async function distributorSigner(f) {
  const address = await f.distributor.getAddress();
  await setBalance(address, 10n ** 20n);
  return ethers.getImpersonatedSigner(address);
}

module.exports = {
  LEAF_TYPES,
  WINDOW,
  OPEN,
  POLICY,
  buildTree,
  deployRewardsFixture,
  postTree,
  sealEvaluation,
  testSetHashOf,
  distributorSigner,
};
