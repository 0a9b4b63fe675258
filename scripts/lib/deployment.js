// Deploys and wires the four OpenLedger contracts. One routine for scripts/deploy.js, the demo and the
// Hardhat test fixtures, so every environment is wired the same way.
//
// Roles after wiring: `admin` owns the token, registry and shares and holds DEFAULT_ADMIN_ROLE on the
// distributor; `reporter` holds REPORTER_ROLE (posts epochs); `guardian` holds GUARDIAN_ROLE (vetoes).

const DEFAULT_CHALLENGE_WINDOW = 24 * 60 * 60; // seconds

async function deployAll(ethers, { admin, reporter, guardian, challengeWindow = DEFAULT_CHALLENGE_WINDOW } = {}) {
  const signers = await ethers.getSigners();
  admin ??= signers[0];
  reporter ??= admin;
  guardian ??= admin;

  const receipts = {};
  const deploy = async (name, ...args) => {
    const contract = await ethers.deployContract(name, args, admin);
    await contract.waitForDeployment();
    receipts[name] = await contract.deploymentTransaction().wait();
    return contract;
  };

  const token = await deploy("OpenToken", admin.address);
  const registry = await deploy("ContributionRegistry", await token.getAddress(), admin.address);
  const shares = await deploy("ModelShares", await token.getAddress(), await registry.getAddress(), admin.address);
  const distributor = await deploy(
    "RewardDistributor",
    await token.getAddress(),
    await registry.getAddress(),
    await shares.getAddress(),
    admin.address,
    challengeWindow,
  );

  const distributorAddress = await distributor.getAddress();
  await (await registry.connect(admin).setRewardDistributor(distributorAddress)).wait();
  await (await shares.connect(admin).setRewardDistributor(distributorAddress)).wait();
  await (await distributor.connect(admin).grantRole(await distributor.REPORTER_ROLE(), reporter.address)).wait();
  await (await distributor.connect(admin).grantRole(await distributor.GUARDIAN_ROLE(), guardian.address)).wait();

  return { token, registry, shares, distributor, receipts, admin, reporter, guardian };
}

module.exports = { deployAll, DEFAULT_CHALLENGE_WINDOW };
