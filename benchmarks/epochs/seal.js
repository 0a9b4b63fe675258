// Seals epoch BENCH_EPOCH's evaluation set of model 1 (RewardDistributor.commitEvaluationSet, as the model's owner,
// Hardhat account 0): postEpoch requires it, and only the next epoch can be sealed, so run.sh calls this before each
// epoch it posts. The hash is keccak("bench-test-set-E"), the testSetHash setup.js writes into report-E.json.
//   OPENLEDGER_RPC_URL=... BENCH_OUT=dir BENCH_EPOCH=E npx hardhat run benchmarks/epochs/seal.js --network localhost
const fs = require("fs");
const path = require("path");
const { ethers } = require("hardhat");

async function main() {
  const epoch = Number(process.env.BENCH_EPOCH);
  const deployment = JSON.parse(fs.readFileSync(path.join(process.env.BENCH_OUT ?? ".", "deployment.json"), "utf8"));
  const [owner] = await ethers.getSigners();
  const distributor = await ethers.getContractAt("RewardDistributor", deployment.contracts.RewardDistributor.address, owner);
  const receipt = await (await distributor.commitEvaluationSet(1, epoch, ethers.id(`bench-test-set-${epoch}`))).wait();
  console.log(JSON.stringify({ epoch, block: receipt.blockNumber }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
