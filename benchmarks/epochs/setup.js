// Prepares the epoch benchmark: deploys OpenLedger (reporter role: Hardhat account 1), registers one contribution for
// each of BENCH_CONTRIBUTORS distinct accounts on model 1 (impersonated, so no keys are needed), funds the reward
// pool, and writes into BENCH_OUT: deployment.json, reporter.json (keystore, password "bench", cheap scrypt) and
// report-E.json for epochs 1..BENCH_EPOCHS ("scores" method, one value per contribution).
//   OPENLEDGER_RPC_URL=http://127.0.0.1:PORT BENCH_OUT=dir npx hardhat run benchmarks/epochs/setup.js --network localhost
const fs = require("fs");
const path = require("path");
const hre = require("hardhat");
const { deployAll } = require("../../scripts/lib/deployment");

const { ethers } = hre;
const count = Number(process.env.BENCH_CONTRIBUTORS ?? "10000");
const epochs = Number(process.env.BENCH_EPOCHS ?? "3");
const out = process.env.BENCH_OUT ?? ".";

async function main() {
  const [admin, reporter] = await ethers.getSigners();
  const { token, registry, shares, distributor, receipts } = await deployAll(ethers, { admin, reporter });
  await (await registry.createModel("ipfs://bench/model-1", { minBond: 0, bondLock: 0, disputeWindow: 0, ownerBps: 0, poolBps: 0, commitReveal: false })).wait();
  const budget = ethers.parseEther("1000");
  await (await token.mint(admin.address, budget * BigInt(epochs))).wait();
  await (await token.approve(await distributor.getAddress(), budget * BigInt(epochs))).wait();
  await (await distributor.fundRewardPool(1, budget * BigInt(epochs))).wait();

  const started = Date.now();
  const registryAddress = await registry.getAddress();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const account = ethers.getAddress(ethers.dataSlice(ethers.keccak256(ethers.toUtf8Bytes(`bench-contributor-${i}`)), 12));
    await ethers.provider.send("hardhat_setBalance", [account, "0xde0b6b3a7640000"]);
    await ethers.provider.send("hardhat_impersonateAccount", [account]);
    const contentHash = ethers.keccak256(ethers.toUtf8Bytes(`bench-content-${i}`));
    const data = registry.interface.encodeFunctionData("register", [1, { contentHash, kind: 0, bond: 0, uri: "" }]);
    const hash = await ethers.provider.send("eth_sendTransaction", [{ from: account, to: registryAddress, data, gas: "0x30000" }]);
    const receipt = await ethers.provider.getTransactionReceipt(hash);
    const log = receipt.logs.find((l) => l.topics[0] === registry.interface.getEvent("ContributionRegistered").topicHash);
    entries.push({ id: BigInt(log.topics[1]).toString(), contributor: account, contentHash, registeredAtBlock: receipt.blockNumber, logIndex: log.index, status: "active" });
    if ((i + 1) % 1000 === 0) console.error(`registered ${i + 1}/${count} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  fs.mkdirSync(out, { recursive: true });
  const contracts = {};
  for (const [name, c] of Object.entries({ OpenToken: token, ContributionRegistry: registry, ModelShares: shares, RewardDistributor: distributor })) {
    contracts[name] = { address: await c.getAddress(), deploymentBlock: receipts[name].blockNumber };
  }
  const { chainId } = await ethers.provider.getNetwork();
  fs.writeFileSync(path.join(out, "deployment.json"), JSON.stringify({ chainId: Number(chainId), contracts }, null, 2));
  const wallet = ethers.HDNodeWallet.fromPhrase("test test test test test test test test test test test junk", undefined, "m/44'/60'/0'/0/1");
  fs.writeFileSync(path.join(out, "reporter.json"), await ethers.encryptKeystoreJson({ address: wallet.address, privateKey: wallet.privateKey }, "bench", { scrypt: { N: 1024 } }));
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const report = {
      schema: "openledger.performance-report/v1", modelId: "1", epoch,
      evaluation: { metric: "accuracy", score: 0.9, baseline: 0.5, testSetHash: ethers.id(`bench-test-set-${epoch}`) }, // sealed by seal.js
      contributions: entries,
      attribution: { method: "scores", parameters: {}, evidence: { scores: entries.map((e, i) => ({ id: e.id, value: 1 + ((i * 7919 + epoch) % 1000) / 1000 })) } },
      rewards: { open: budget.toString(), shares: (budget * 10n).toString() },
    };
    fs.writeFileSync(path.join(out, `report-${epoch}.json`), JSON.stringify(report));
  }
  console.log(JSON.stringify({ head: await ethers.provider.getBlockNumber(), contributors: count, seconds: (Date.now() - started) / 1000 }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
