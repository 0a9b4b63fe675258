// Deploys every OpenLedger contract, wires the roles and writes deployments/<network>.json.
//   npx hardhat run scripts/deploy.js --network localhost
// Against a node that already holds our deployment it says so and stops; OPENLEDGER_REDEPLOY=1 deploys again.
// OPENLEDGER_REPORTER / OPENLEDGER_GUARDIAN name the role holders (default: the deployer).
// OPENLEDGER_DEPLOYMENT_FILE writes the record elsewhere (tests running in parallel each keep their own).
const fs = require("fs");
const path = require("path");
const hre = require("hardhat");
const { deployAll } = require("./lib/deployment");

const INITIAL_SUPPLY = hre.ethers.parseEther("10000000"); // minted to the admin: the treasury that funds the demo

async function existingDeployment(file, chainId) {
  if (!fs.existsSync(file)) return null;
  const recorded = JSON.parse(fs.readFileSync(file, "utf8"));
  if (BigInt(recorded.chainId) !== chainId) return null;
  // The file may outlive the node (a restarted Hardhat node starts empty): trust it only if the code is there.
  for (const { address } of Object.values(recorded.contracts)) {
    if ((await hre.ethers.provider.getCode(address)) === "0x") return null;
  }
  return recorded;
}

async function main() {
  const network = hre.network.name;
  const file = process.env.OPENLEDGER_DEPLOYMENT_FILE
    ? path.resolve(process.env.OPENLEDGER_DEPLOYMENT_FILE)
    : path.join(__dirname, "..", "deployments", `${network}.json`);
  const { chainId } = await hre.ethers.provider.getNetwork();

  const existing = await existingDeployment(file, chainId);
  if (existing && process.env.OPENLEDGER_REDEPLOY !== "1") {
    console.log(`OpenLedger is already deployed on ${network} (chain ${chainId}); see ${path.relative(process.cwd(), file)}.`);
    for (const [name, c] of Object.entries(existing.contracts)) console.log(`  ${name.padEnd(20)} ${c.address}`);
    console.log("Set OPENLEDGER_REDEPLOY=1 to deploy a fresh set anyway.");
    return;
  }

  const [deployer] = await hre.ethers.getSigners();
  const role = (name) => (process.env[name] ? { address: hre.ethers.getAddress(process.env[name]) } : deployer);
  const { token, registry, shares, distributor, receipts } = await deployAll(hre.ethers, {
    admin: deployer,
    reporter: role("OPENLEDGER_REPORTER"),
    guardian: role("OPENLEDGER_GUARDIAN"),
  });
  await (await token.mint(deployer.address, INITIAL_SUPPLY)).wait();

  const contracts = {};
  for (const [name, contract] of Object.entries({ OpenToken: token, ContributionRegistry: registry, ModelShares: shares, RewardDistributor: distributor })) {
    const receipt = receipts[name];
    contracts[name] = { address: await contract.getAddress(), deploymentBlock: receipt.blockNumber, transactionHash: receipt.hash };
  }
  const deployment = {
    network,
    chainId: Number(chainId),
    deployedAt: new Date().toISOString(),
    deployer: deployer.address,
    roles: {
      admin: deployer.address,
      reporter: role("OPENLEDGER_REPORTER").address,
      guardian: role("OPENLEDGER_GUARDIAN").address,
    },
    challengeWindowSeconds: Number(await distributor.challengeWindow()),
    contracts,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(deployment, null, 2) + "\n");
  console.log(`Deployed OpenLedger on ${network} (chain ${chainId}) and wrote ${path.relative(process.cwd(), file)}:`);
  for (const [name, c] of Object.entries(contracts)) console.log(`  ${name.padEnd(20)} ${c.address}  block ${c.deploymentBlock}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
