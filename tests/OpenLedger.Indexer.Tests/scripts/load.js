// Deploys OpenLedger on a node and fills it with events for the indexer tests and benchmark.
//   OPENLEDGER_RPC_URL=http://127.0.0.1:PORT LOAD_OUT=deployment.json npx hardhat run tests/OpenLedger.Indexer.Tests/scripts/load.js --network localhost
// LOAD_LIFECYCLE=1 plays every event type (models, policies, validators, commit/reveal, a reveal taking content back
// from a copier registered in its block, every register path, flags,
// dismissals, slashes, bond withdrawals, revenue, reward pool, evaluation sets sealed, epochs posted/vetoed/re-posted, claims, share
// transfers). LOAD_CONTRIBUTIONS=N then registers N more through registerBatch, LOAD_BATCH entries per
// transaction and LOAD_TXS_PER_BLOCK transactions per block (keep it near 5-10: Hardhat re-executes its pending pool
// on every send while automine is off, so large blocks make loading quadratic). LOAD_SINGLES=N then registers N more
// one `register` call (one ContributionRegistered log) each, LOAD_SINGLES_PER_TX per transaction through the RegisterMany
// helper (compiled here with the npm solc), one transaction per block. LOAD_REGISTER_TXS=N then registers N more as N
// separate `register` transactions (the literal workload), LOAD_REGISTER_PER_BLOCK per block: sent as JSON-RPC
// batches of eth_sendTransaction that the node signs itself, with automine off and one evm_mine per block, so
// loading costs node time only. LOAD_SEED makes the content hashes reproducible.
// Model 1 takes zero bonds and every signer has approved the registry, so tests can add contributions later.
const fs = require("fs");
const hre = require("hardhat");
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");
const { deployAll } = require("../../../scripts/lib/deployment");

const { ethers } = hre;
const env = (name, fallback) => process.env[name] ?? fallback;
const OPEN = (n) => ethers.parseEther(String(n));
const seed = env("LOAD_SEED", "1");
const hash = (label) => ethers.keccak256(ethers.toUtf8Bytes(`openledger-load:${seed}:${label}`));
const send = async (promise) => (await promise).wait();

async function lifecycle({ token, registry, shares, distributor }, signers) {
  const [admin, owner, validator, user] = signers;
  const contributors = signers.slice(5, 10);
  const registryAddress = await registry.getAddress();
  const policy = { minBond: OPEN(1), bondLock: 3600, disputeWindow: 600, ownerBps: 1000, poolBps: 2000, commitReveal: false, minPrecisionBps: 0 };
  await send(registry.connect(owner).createModel("ipfs://load/model-2", policy));
  const modelId = 2n;
  await send(registry.connect(owner).setValidator(modelId, validator.address, true));
  await send(registry.connect(owner).setValidator(modelId, user.address, true));
  await send(registry.connect(owner).setValidator(modelId, user.address, false));
  await send(registry.connect(owner).setPolicy(modelId, { ...policy, ownerBps: 500 }));
  const entry = (name, kind = 0) => ({ contentHash: hash(name), kind, bond: OPEN(2), uri: `ipfs://load/${name}` });
  const e = contributors.map((_, i) => entry(`life-${i}`, i % 4));
  for (let i = 0; i < 4; i++) await send(registry.connect(contributors[i]).register(modelId, e[i]));
  await send(registry.connect(contributors[4]).registerBatch(modelId, [entry("life-b1"), entry("life-b2", 3)]));
  const salt = hash("salt");
  const commitment = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(
    ["address", "uint256", "bytes32", "bytes32"], [contributors[4].address, modelId, e[4].contentHash, salt]));
  await send(registry.connect(contributors[4]).commit(commitment));
  await send(registry.connect(contributors[4]).reveal(modelId, e[4], salt));
  await takenBack(registry, modelId, contributors[0], contributors[3], entry("life-taken"), salt);

  await send(registry.connect(validator).flag(modelId, e[0].contentHash, "duplicate of a public set"));
  await send(registry.connect(owner).dismissFlag(modelId, e[0].contentHash));
  await send(registry.connect(validator).flag(modelId, e[1].contentHash, "labels do not match"));
  await ethers.provider.send("evm_increaseTime", [3601]);
  await ethers.provider.send("evm_mine", []);
  await send(registry.connect(admin).slash(modelId, e[1].contentHash));
  await send(registry.connect(contributors[2]).withdrawBond(modelId, e[2].contentHash));

  await send(token.connect(user).approve(await shares.getAddress(), ethers.MaxUint256));
  await send(shares.connect(user).depositRevenue(modelId, OPEN(1000)));
  await send(token.connect(admin).approve(await distributor.getAddress(), ethers.MaxUint256));
  await send(distributor.connect(admin).fundRewardPool(modelId, OPEN(500)));

  const leaves = contributors.map((c, i) => [i, c.address, OPEN(10 + i), OPEN(100 + i)]);
  const tree = StandardMerkleTree.of(leaves, ["uint256", "address", "uint256", "uint256"]);
  const total = (k) => leaves.reduce((s, l) => s + l[k], 0n);
  // Every epoch is evaluated on a set its model owner sealed first; the vetoed epoch 2 is posted again on its own.
  await send(distributor.connect(owner).commitEvaluationSet(modelId, 1, hash("test-set-1")));
  await send(distributor.connect(admin).postEpoch(modelId, 1, tree.root, total(2), total(3), hash("report-1"), "ipfs://load/report-1"));
  await ethers.provider.send("evm_increaseTime", [Number(await distributor.challengeWindow()) + 1]);
  await ethers.provider.send("evm_mine", []);
  for (const [i, leaf] of tree.entries()) if (i < 4) await send(distributor.connect(user).claim(modelId, 1, ...leaf, tree.getProof(i)));
  await send(distributor.connect(owner).commitEvaluationSet(modelId, 2, hash("test-set-2")));
  await send(distributor.connect(admin).postEpoch(modelId, 2, tree.root, total(2), total(3), hash("report-2"), "ipfs://load/report-2"));
  await send(distributor.connect(owner).vetoEpoch(modelId, 2, "report does not reproduce"));
  await send(distributor.connect(admin).postEpoch(modelId, 2, tree.root, total(2), total(3), hash("report-2b"), "ipfs://load/report-2b"));
  await send(distributor.connect(admin).setChallengeWindow(120));

  await send(shares.connect(contributors[0]).safeTransferFrom(contributors[0].address, contributors[1].address, modelId, OPEN(40), "0x"));
  await send(shares.connect(contributors[1]).safeBatchTransferFrom(contributors[1].address, user.address, [modelId], [OPEN(1)], "0x"));
  await send(shares.connect(user).depositRevenue(modelId, OPEN(300)));
  await send(shares.connect(contributors[3]).withdrawRevenue(modelId));
}

/**
 * A copier reads the content hash from `owner`'s pending reveal and registers it in the same block with a higher tip,
 * so its register is mined first; the reveal, whose commitment is a block older, takes the content back
 * (ContributionSuperseded) and the copier's bond goes to the reward pool.
 */
async function takenBack(registry, modelId, owner, copier, taken, salt) {
  const commitment = ethers.keccak256(ethers.AbiCoder.defaultAbiCoder().encode(
    ["address", "uint256", "bytes32", "bytes32"], [owner.address, modelId, taken.contentHash, salt]));
  await send(registry.connect(owner).commit(commitment));
  const tip = ethers.parseUnits("1", "gwei");
  await ethers.provider.send("evm_setAutomine", [false]);
  let reveal;
  let copy;
  try {
    reveal = await registry.connect(owner).reveal(modelId, taken, salt, { gasLimit: 400_000, maxPriorityFeePerGas: tip });
    copy = await registry.connect(copier).register(modelId, taken, { gasLimit: 300_000, maxPriorityFeePerGas: 10n * tip });
    await ethers.provider.send("evm_mine", []);
  } finally {
    await ethers.provider.send("evm_setAutomine", [true]);
  }
  const [r, c] = [await reveal.wait(), await copy.wait()];
  if (r.blockNumber !== c.blockNumber || c.index >= r.index) throw new Error("the copier's register was not mined before the reveal in one block");
}

async function bulk(registry, signers, count, perTx, txsPerBlock) {
  const contributors = signers.slice(5, 15);
  await ethers.provider.send("evm_setAutomine", [false]);
  let sent = 0;
  let inBlock = 0;
  for (let tx = 0; sent < count; tx++) {
    const n = Math.min(perTx, count - sent);
    const entries = Array.from({ length: n }, (_, j) => ({
      contentHash: hash(`bulk-${sent + j}`), kind: (sent + j) % 4, bond: 0n, uri: `ipfs://openledger/bulk/${seed}/${sent + j}`,
    }));
    await registry.connect(contributors[tx % contributors.length]).registerBatch(1, entries, { gasLimit: 60_000 + 40_000 * n });
    sent += n;
    if (++inBlock === txsPerBlock) { await ethers.provider.send("evm_mine", []); inBlock = 0; }
  }
  if (inBlock > 0) await ethers.provider.send("evm_mine", []);
  await ethers.provider.send("evm_setAutomine", [true]);
}

function compileRegisterMany() {
  const solc = require("solc");
  const source = fs.readFileSync(require("path").join(__dirname, "RegisterMany.sol"), "utf8");
  const output = JSON.parse(solc.compile(JSON.stringify({
    language: "Solidity",
    sources: { "RegisterMany.sol": { content: source } },
    settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { RegisterMany: ["abi", "evm.bytecode.object"] } } },
  })));
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));
  const { abi, evm } = output.contracts["RegisterMany.sol"].RegisterMany;
  return { abi, bytecode: `0x${evm.bytecode.object}` };
}

async function singles(registry, signer, count, perTx) {
  const { abi, bytecode } = compileRegisterMany();
  const helper = await (await new ethers.ContractFactory(abi, bytecode, signer).deploy()).waitForDeployment();
  const salt = hash("singles");
  for (let first = 0; first < count; first += perTx) {
    const n = Math.min(perTx, count - first);
    await send(helper.registerMany(await registry.getAddress(), 1, salt, first, n, `ipfs://openledger/single/${seed}`,
      { gasLimit: 100_000 + 90_000 * n }));
  }
}

// One HTTP request carrying many JSON-RPC calls; fails on the first error answer.
async function rpcBatch(calls) {
  const url = hre.network.config.url;
  const body = calls.map(([method, params], id) => ({ jsonrpc: "2.0", id, method, params }));
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const answers = await response.json();
  const failed = answers.find((a) => a.error);
  if (failed) throw new Error(`${calls[failed.id][0]} failed: ${JSON.stringify(failed.error)}`);
  return answers;
}

async function registerTxs(registry, signers, count, perBlock) {
  const contributors = signers.slice(5, 15).map((s) => s.address);
  const to = await registry.getAddress();
  const gas = ethers.toQuantity(await registry.connect(signers[5]).register.estimateGas(1,
    { contentHash: hash("tx-probe"), kind: 3, bond: 0n, uri: `ipfs://openledger/tx/${seed}/${count}` }) * 12n / 10n);
  await ethers.provider.send("evm_setAutomine", [false]);
  for (let first = 0; first < count; first += perBlock) {
    const calls = [];
    for (let i = first; i < Math.min(count, first + perBlock); i++) {
      const data = registry.interface.encodeFunctionData("register",
        [1, { contentHash: hash(`tx-${i}`), kind: i % 4, bond: 0n, uri: `ipfs://openledger/tx/${seed}/${i}` }]);
      calls.push(["eth_sendTransaction", [{ from: contributors[i % contributors.length], to, data, gas }]]);
    }
    await rpcBatch(calls);
    await rpcBatch([["evm_mine", []]]);
  }
  await ethers.provider.send("evm_setAutomine", [true]);
}

async function main() {
  const signers = await ethers.getSigners();
  const deployed = await deployAll(ethers, { challengeWindow: 60 });
  const { token, registry, receipts } = deployed;
  const [admin, owner] = signers;
  for (const s of signers.slice(0, 15)) {
    await send(token.connect(admin).mint(s.address, OPEN(1_000_000)));
    await send(token.connect(s).approve(await registry.getAddress(), ethers.MaxUint256));
  }
  const open = { minBond: 0, bondLock: 0, disputeWindow: 0, ownerBps: 0, poolBps: 0, commitReveal: false, minPrecisionBps: 0 };
  await send(registry.connect(owner).createModel("ipfs://load/model-1", open));
  if (env("LOAD_LIFECYCLE", "1") === "1") await lifecycle(deployed, signers);
  const count = Number(env("LOAD_CONTRIBUTIONS", "0"));
  if (count > 0) await bulk(registry, signers, count, Number(env("LOAD_BATCH", "10")), Number(env("LOAD_TXS_PER_BLOCK", "10")));
  const singleCount = Number(env("LOAD_SINGLES", "0"));
  if (singleCount > 0) await singles(registry, signers[15], singleCount, Number(env("LOAD_SINGLES_PER_TX", "100")));

  const txCount = Number(env("LOAD_REGISTER_TXS", "0"));
  if (txCount > 0) await registerTxs(registry, signers, txCount, Number(env("LOAD_REGISTER_PER_BLOCK", "100")));

  const contracts = {};
  for (const name of ["OpenToken", "ContributionRegistry", "ModelShares", "RewardDistributor"]) {
    const key = { OpenToken: "token", ContributionRegistry: "registry", ModelShares: "shares", RewardDistributor: "distributor" }[name];
    contracts[name] = { address: await deployed[key].getAddress(), deploymentBlock: receipts[name].blockNumber, transactionHash: receipts[name].hash };
  }
  const { chainId } = await ethers.provider.getNetwork();
  const head = await ethers.provider.getBlockNumber();
  fs.writeFileSync(env("LOAD_OUT", "deployment.json"), JSON.stringify({ chainId: Number(chainId), head, contracts }, null, 2));
  console.log(JSON.stringify({ head, contributions: count, singles: singleCount, registerTxs: txCount }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
