// Shared fixtures and builders for the ContributionRegistry tests.
const { ethers } = require("hardhat");
const { deployAll } = require("../../../scripts/lib/deployment");

const GWEI = 10n ** 9n;
const OPEN = 10n ** 18n;
const BOND = 5n * OPEN;
const MIN_BOND = OPEN;
const DAY = 24 * 60 * 60;
const BOND_LOCK = 7 * DAY;
const DISPUTE_WINDOW = 3 * DAY;
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

const Kind = { Data: 0, Compute: 1, FineTune: 2, Evaluation: 3 };
const Status = { None: 0, Active: 1, Flagged: 2, Slashed: 3 };

const policy = (overrides = {}) => ({
  minBond: MIN_BOND,
  bondLock: BOND_LOCK,
  disputeWindow: DISPUTE_WINDOW,
  ownerBps: 1_000,
  poolBps: 2_000,
  commitReveal: false,
  minPrecisionBps: 0,
  ...overrides,
});
const policyTuple = (p) => [
  BigInt(p.minBond),
  BigInt(p.bondLock),
  BigInt(p.disputeWindow),
  BigInt(p.ownerBps),
  BigInt(p.poolBps),
  p.commitReveal,
  BigInt(p.minPrecisionBps),
];

const entry = (name, overrides = {}) => ({
  contentHash: ethers.id(name),
  kind: Kind.Data,
  bond: BOND,
  uri: `ipfs://${name}`,
  ...overrides,
});
const entryTuple = (e) => [e.contentHash, BigInt(e.kind), BigInt(e.bond), e.uri];

const coder = ethers.AbiCoder.defaultAbiCoder();
const idOf = (modelId, contentHash) => ethers.keccak256(coder.encode(["uint256", "bytes32"], [modelId, contentHash]));
const commitmentOf = (contributor, modelId, contentHash, salt) =>
  ethers.keccak256(coder.encode(["address", "uint256", "bytes32", "bytes32"], [contributor, modelId, contentHash, salt]));

const REGISTER_TYPES = {
  Register: [
    { name: "contributor", type: "address" },
    { name: "modelId", type: "uint256" },
    { name: "contentHash", type: "bytes32" },
    { name: "kind", type: "uint8" },
    { name: "uri", type: "string" },
    { name: "bond", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
};

/** Signs a Register message; domain fields can be overridden to produce replays on other chains/contracts. */
async function signRegister(signer, registry, { modelId, entry: e, contributor, nonce, deadline, domain = {} }) {
  const fullDomain = {
    name: "OpenLedger ContributionRegistry",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await registry.getAddress(),
    ...domain,
  };
  return signer.signTypedData(fullDomain, REGISTER_TYPES, {
    contributor: contributor ?? signer.address,
    modelId,
    contentHash: e.contentHash,
    kind: e.kind,
    uri: e.uri,
    bond: e.bond,
    nonce,
    deadline,
  });
}

/** The same signature with s' = n - s and the other v: valid for ecrecover, rejected as malleable by OZ ECDSA. */
function malleate(signature) {
  const sig = ethers.Signature.from(signature);
  const highS = SECP256K1_N - BigInt(sig.s);
  return ethers.concat([sig.r, ethers.toBeHex(highS, 32), ethers.toBeHex(sig.v === 27 ? 28 : 27, 1)]);
}

/** Signs an ERC-2612 permit of OPEN for `owner`; `signer` other than the owner makes a forged one. */
async function signPermit(token, owner, spender, value, deadline, signer = owner) {
  const domain = {
    name: "OpenLedger",
    version: "1",
    chainId: (await ethers.provider.getNetwork()).chainId,
    verifyingContract: await token.getAddress(),
  };
  const types = {
    Permit: [
      { name: "owner", type: "address" },
      { name: "spender", type: "address" },
      { name: "value", type: "uint256" },
      { name: "nonce", type: "uint256" },
      { name: "deadline", type: "uint256" },
    ],
  };
  const nonce = await token.nonces(owner.address);
  return ethers.Signature.from(
    await signer.signTypedData(domain, types, { owner: owner.address, spender, value, nonce, deadline }),
  );
}

/**
 * The real deployment (scripts/lib/deployment.js): token, registry, shares, distributor, wired. Model 1 is a plain
 * model with a validator; model 2 requires commit–reveal; alice, bob and the copier hold OPEN and approved the
 * registry; carol holds OPEN without any allowance.
 */
async function registryFixture() {
  const [admin, owner, alice, bob, validator, relayer, copier, carol, other] = await ethers.getSigners();
  const { token, registry, shares, distributor } = await deployAll(ethers, { admin });
  for (const account of [alice, bob, copier, carol]) {
    await token.connect(admin).mint(account.address, 1_000_000n * OPEN);
  }
  for (const account of [alice, bob, copier]) {
    await token.connect(account).approve(await registry.getAddress(), ethers.MaxUint256);
  }
  await registry.connect(owner).createModel("ipfs://model-1", policy());
  await registry.connect(owner).createModel("ipfs://model-2", policy({ commitReveal: true }));
  await registry.connect(owner).setValidator(1, validator.address, true);
  await registry.connect(owner).setValidator(2, validator.address, true);
  return { token, registry, shares, distributor, admin, owner, alice, bob, validator, relayer, copier, carol, other };
}

/** Token and registry only, with no distributor wired: for the wiring and "distributor not set" paths. */
async function unwiredFixture() {
  const [admin, owner, alice, , , , , , other] = await ethers.getSigners();
  const token = await ethers.deployContract("OpenToken", [admin.address]);
  const registry = await ethers.deployContract("ContributionRegistry", [await token.getAddress(), admin.address]);
  await token.connect(admin).mint(alice.address, 1_000n * OPEN);
  await token.connect(alice).approve(await registry.getAddress(), ethers.MaxUint256);
  await registry.connect(owner).createModel("ipfs://model-1", policy());
  return { token, registry, admin, owner, alice, other };
}

/** Every storage word the contract holds for a mapping key, probing the first `slots` declared mappings. */
async function mappingWords(address, key, slots = 24) {
  const words = [];
  for (let slot = 0; slot < slots; slot++) {
    const location = ethers.keccak256(coder.encode(["bytes32", "uint256"], [key, slot]));
    const word = BigInt(await ethers.provider.getStorage(address, location));
    if (word !== 0n) words.push({ slot, word });
  }
  return words;
}

/**
 * The custom error a mined, failed transaction reverted with, decoded from the node's trace. Needed where the
 * transaction had to be mined with automine off (same-block commit and reveal): the chai matchers only see
 * reverts of transactions that fail when sent.
 */
async function minedRevert(contract, tx) {
  const receipt = await ethers.provider.getTransactionReceipt(tx.hash);
  if (receipt.status !== 0) return null;
  const trace = await ethers.provider.send("debug_traceTransaction", [
    tx.hash,
    { disableStorage: true, disableMemory: true, disableStack: true },
  ]);
  const parsed = contract.interface.parseError("0x" + trace.returnValue.replace(/^0x/, ""));
  return { name: parsed.name, args: [...parsed.args] };
}

module.exports = {
  minedRevert,
  GWEI, OPEN, BOND, MIN_BOND, DAY, BOND_LOCK, DISPUTE_WINDOW, Kind, Status,
  policy, policyTuple, entry, entryTuple, idOf, commitmentOf, signRegister, malleate, signPermit,
  registryFixture, unwiredFixture, mappingWords,
};
