// The contract scenario of scripts/demo.sh: run with `npx hardhat run scripts/demo-scenario.js --network localhost`
// after scripts/deploy.js. It plays one model's life through the deployed contracts with ethers and prints it.
// At this stage the epoch's allocation is a plain rule (equal OPEN and shares per accepted contribution); the
// attribution engine replaces it with attribution computed from a performance report.
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const hre = require("hardhat");
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");

const { ethers } = hre;
const OPEN = (n) => ethers.parseEther(String(n));
const fmt = (wei) => Number(ethers.formatEther(wei)).toLocaleString("en-US", { maximumFractionDigits: 4 });
const say = (text) => console.log(text);
const KIND = { Data: 0, Compute: 1, FineTune: 2, Evaluation: 3 };

async function load() {
  const file = path.join(__dirname, "..", "deployments", `${hre.network.name}.json`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run scripts/deploy.js on ${hre.network.name} first`);
  const { contracts } = JSON.parse(fs.readFileSync(file, "utf8"));
  const at = (name) => ethers.getContractAt(name, contracts[name].address);
  return { token: await at("OpenToken"), registry: await at("ContributionRegistry"), shares: await at("ModelShares"), distributor: await at("RewardDistributor") };
}

const shard = (name) => ethers.keccak256(ethers.toUtf8Bytes(`openledger-demo:${name}:${crypto.randomUUID()}`));

// Simulates a call that should be refused and names the custom error it reverts with. Over Hardhat's HTTP
// provider the revert data arrives on the ProviderError rather than decoded into error.revert.
async function refusal(contract, simulate) {
  try {
    await simulate();
    return "accepted (unexpected)";
  } catch (error) {
    const data = [error.data, error.error?.data, error.data?.data].find((d) => typeof d === "string" && d.startsWith("0x"));
    const parsed = error.revert ?? (data ? contract.interface.parseError(data) : null);
    if (!parsed) throw error;
    return `${parsed.name}(${parsed.args.map(String).join(", ")})`;
  }
}

async function main() {
  const { token, registry, shares, distributor } = await load();
  const [admin, owner, validator, relayer, user, copier, ...rest] = await ethers.getSigners();
  const contributors = rest.slice(0, 5);
  const names = ["ada", "grace", "alan", "edsger", "barbara"];
  const label = new Map(contributors.map((c, i) => [c.address, names[i]]));
  const registryAddress = await registry.getAddress();
  const { chainId } = await ethers.provider.getNetwork();

  say("1. The treasury funds five contributors and a user with OPEN.");
  for (const c of [...contributors, user]) await (await token.connect(admin).transfer(c.address, OPEN(1000))).wait();

  say("2. A model owner creates a model and appoints a validator.");
  const policy = { minBond: OPEN(10), bondLock: 7 * 86400, disputeWindow: 86400, ownerBps: 1000, poolBps: 2000, commitReveal: false };
  await (await registry.connect(owner).createModel("ipfs://openledger-demo/iris-knn", policy)).wait();
  const modelId = await registry.modelCount();
  await (await registry.connect(owner).setValidator(modelId, validator.address, true)).wait();
  say(`   model ${modelId}: owner ${owner.address}, bond ≥ 10 OPEN, revenue 10% owner / 20% reward pool / 70% holders`);

  say("3. Contributors register their shards, each a different way.");
  const entry = (name, kind = KIND.Data) => ({ contentHash: shard(name), kind, bond: OPEN(10), uri: `ipfs://openledger-demo/${name}` });
  const ids = [];
  const [ada, grace, alan, edsger, barbara] = contributors;

  const adaEntry = entry("ada-shard");
  await (await token.connect(ada).approve(registryAddress, adaEntry.bond)).wait();
  await (await registry.connect(ada).register(modelId, adaEntry)).wait();
  ids.push([ada, adaEntry]);
  say("   ada: register (bond by allowance)");

  const graceEntry = entry("grace-shard");
  const deadline = BigInt((await ethers.provider.getBlock("latest")).timestamp) + 3600n;
  const permit = ethers.Signature.from(await grace.signTypedData(
    { name: "OpenLedger", version: "1", chainId, verifyingContract: await token.getAddress() },
    { Permit: [{ name: "owner", type: "address" }, { name: "spender", type: "address" }, { name: "value", type: "uint256" }, { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint256" }] },
    { owner: grace.address, spender: registryAddress, value: graceEntry.bond, nonce: await token.nonces(grace.address), deadline },
  ));
  await (await registry.connect(grace).registerWithPermit(modelId, graceEntry, deadline, permit.v, permit.r, permit.s)).wait();
  ids.push([grace, graceEntry]);
  say("   grace: registerWithPermit (bond by ERC-2612 permit, one transaction)");

  const alanEntry = entry("alan-shard");
  await (await token.connect(alan).approve(registryAddress, alanEntry.bond)).wait();
  const signature = await alan.signTypedData(
    { name: "OpenLedger ContributionRegistry", version: "1", chainId, verifyingContract: registryAddress },
    { Register: [
      { name: "contributor", type: "address" }, { name: "modelId", type: "uint256" }, { name: "contentHash", type: "bytes32" },
      { name: "kind", type: "uint8" }, { name: "uri", type: "string" }, { name: "bond", type: "uint256" },
      { name: "nonce", type: "uint256" }, { name: "deadline", type: "uint256" }] },
    { contributor: alan.address, modelId, ...alanEntry, nonce: await registry.nonces(alan.address), deadline },
  );
  await (await registry.connect(relayer).registerBySig(modelId, alanEntry, alan.address, deadline, signature)).wait();
  ids.push([alan, alanEntry]);
  say(`   alan: registerBySig, relayed (gas paid by ${relayer.address})`);

  const edsgerEntries = [entry("edsger-shard-1"), entry("edsger-shard-2"), entry("edsger-eval", KIND.Evaluation)];
  await (await token.connect(edsger).approve(registryAddress, OPEN(30))).wait();
  await (await registry.connect(edsger).registerBatch(modelId, edsgerEntries)).wait();
  for (const e of edsgerEntries) ids.push([edsger, e]);
  say("   edsger: registerBatch of 3 entries");

  const barbaraEntry = entry("barbara-shard");
  const salt = ethers.hexlify(ethers.randomBytes(32));
  const commitment = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(
    ["address", "uint256", "bytes32", "bytes32"], [barbara.address, modelId, barbaraEntry.contentHash, salt]));
  await (await registry.connect(barbara).commit(commitment)).wait();
  await (await token.connect(barbara).approve(registryAddress, barbaraEntry.bond)).wait();
  await (await registry.connect(barbara).reveal(modelId, barbaraEntry, salt)).wait();
  ids.push([barbara, barbaraEntry]);
  say("   barbara: commit, then reveal a block later (front-running protection)");

  await (await token.connect(admin).transfer(copier.address, OPEN(10))).wait();
  await (await token.connect(copier).approve(registryAddress, OPEN(10))).wait();
  const refused = await refusal(registry, () => registry.connect(copier).register.staticCall(modelId, { ...adaEntry, uri: "ipfs://copy" }));
  say(`   a copier re-registers ada's shard: refused with ${refused}`);

  say("4. A user pays 1,000 OPEN of revenue before any share exists.");
  await (await token.connect(user).approve(await shares.getAddress(), OPEN(1000))).wait();
  await (await shares.connect(user).depositRevenue(modelId, OPEN(1000))).wait();
  // With no holder yet, the holders' cut joins the pool cut: it reaches every contributor through epoch 1.
  say(`   owner paid, ${fmt(await distributor.rewardPool(modelId))} OPEN in the reward pool (pool cut + holders' cut, no share exists yet)`);

  say("5. The reporter posts epoch 1: equal OPEN and shares per contribution (stage rule, see header).");
  const pool = await distributor.rewardPool(modelId);
  const perItem = pool / BigInt(ids.length);
  const sharesPerItem = 1000n * 10n ** 18n / BigInt(ids.length);
  const totals = new Map();
  for (const [c] of ids) {
    const t = totals.get(c.address) ?? { open: 0n, shares: 0n };
    totals.set(c.address, { open: t.open + perItem, shares: t.shares + sharesPerItem });
  }
  const leaves = [...totals.entries()].map(([account, t], i) => [i, account, t.open, t.shares]);
  const tree = StandardMerkleTree.of(leaves, ["uint256", "address", "uint256", "uint256"]);
  const totalOpen = leaves.reduce((s, l) => s + l[2], 0n);
  const totalShares = leaves.reduce((s, l) => s + l[3], 0n);
  const reportHash = ethers.keccak256(ethers.toUtf8Bytes(JSON.stringify(leaves.map((l) => l.map(String)))));
  await (await distributor.connect(admin).postEpoch(modelId, 1, tree.root, totalOpen, totalShares, reportHash, "demo://epoch-1")).wait();
  say(`   root ${tree.root}: ${fmt(totalOpen)} OPEN and ${fmt(totalShares)} shares over ${leaves.length} accounts`);
  const early = await refusal(distributor, () => distributor.claim.staticCall(modelId, 1, ...leaves[0], tree.getProof(0)));
  say(`   a claim inside the challenge window: refused with ${early}`);

  say("6. The challenge window passes; every contributor claims OPEN and shares.");
  await ethers.provider.send("evm_increaseTime", [Number(await distributor.challengeWindow()) + 1]);
  await ethers.provider.send("evm_mine", []);
  for (const [i, leaf] of tree.entries()) await (await distributor.connect(relayer).claim(modelId, 1, ...leaf, tree.getProof(i))).wait();

  say("7. More revenue arrives (2,000 OPEN); share holders withdraw their cut.");
  await (await token.connect(admin).transfer(user.address, OPEN(2000))).wait();
  await (await token.connect(user).approve(await shares.getAddress(), OPEN(2000))).wait();
  await (await shares.connect(user).depositRevenue(modelId, OPEN(2000))).wait();
  const withdrawn = new Map();
  for (const c of contributors) {
    const amount = await shares.withdrawableRevenue(modelId, c.address);
    await (await shares.connect(c).withdrawRevenue(modelId)).wait();
    withdrawn.set(c.address, amount);
  }

  say("8. The validator flags barbara's shard; after the dispute window it is slashed into the reward pool.");
  await (await registry.connect(validator).flag(modelId, barbaraEntry.contentHash, "labels do not match the features")).wait();
  await ethers.provider.send("evm_increaseTime", [policy.disputeWindow + 1]);
  await ethers.provider.send("evm_mine", []);
  const poolBefore = await distributor.rewardPool(modelId);
  await (await registry.connect(relayer).slash(modelId, barbaraEntry.contentHash)).wait();
  say(`   reward pool ${fmt(poolBefore)} → ${fmt(await distributor.rewardPool(modelId))} OPEN`);

  say("\ncontributor  contributions  OPEN claimed  shares       revenue withdrawn  status");
  for (const c of contributors) {
    const t = totals.get(c.address);
    const mine = ids.filter(([x]) => x.address === c.address);
    const statuses = await Promise.all(mine.map(([, e]) => registry.contribution(modelId, e.contentHash)));
    const slashed = statuses.some((s) => Number(s.status) === 3);
    say(`${label.get(c.address).padEnd(12)} ${String(mine.length).padEnd(14)} ${fmt(t.open).padEnd(13)} ${fmt(await shares.balanceOf(c.address, modelId)).padEnd(12)} ${fmt(withdrawn.get(c.address)).padEnd(18)} ${slashed ? "slashed" : "active"}`);
  }
  say(`\nshare supply ${fmt(await shares.totalSupply(modelId))} = sum of balances; epoch 1 left ${fmt((await distributor.epoch(modelId, 1)).openRemaining)} OPEN unclaimed`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
