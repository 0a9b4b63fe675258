// Hardhat 2 compiles with the npm `solc` package (solcjs): compiler downloads are not reachable here.
const path = require("path");
const { subtask } = require("hardhat/config");
const { TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD } = require("hardhat/builtin-tasks/task-names");

require("@nomicfoundation/hardhat-chai-matchers");
require("@nomicfoundation/hardhat-ethers");
require("@nomicfoundation/hardhat-network-helpers");
require("solidity-coverage");
require("hardhat-gas-reporter");

const SOLC_VERSION = "0.8.28"; // must equal the pinned npm `solc` version in package.json

subtask(TASK_COMPILE_SOLIDITY_GET_SOLC_BUILD, async (args, hre, runSuper) => {
  if (args.solcVersion !== SOLC_VERSION) return runSuper();
  const installed = require("solc/package.json").version;
  if (installed !== SOLC_VERSION) {
    throw new Error(`npm solc is ${installed} but hardhat.config.js compiles with ${SOLC_VERSION}: run npm ci`);
  }
  return {
    compilerPath: require.resolve("solc/soljson.js"),
    isSolcJs: true,
    version: SOLC_VERSION,
    longVersion: require("solc").version(),
  };
});

/** @type import('hardhat/config').HardhatUserConfig */
module.exports = {
  solidity: {
    version: SOLC_VERSION,
    settings: {
      optimizer: { enabled: true, runs: 10_000 },
      evmVersion: "cancun",
    },
  },
  paths: {
    sources: path.join(__dirname, "contracts"),
    tests: path.join(__dirname, "tests", "contracts"),
    cache: path.join(__dirname, "cache"),
    artifacts: path.join(__dirname, "artifacts"),
  },
  networks: {
    hardhat: { hardfork: "cancun" },
    localhost: { url: process.env.OPENLEDGER_RPC_URL || "http://127.0.0.1:8545" },
  },
  gasReporter: {
    enabled: process.env.REPORT_GAS === "1",
    offline: true,
    currency: "USD",
  },
  mocha: { timeout: 120_000 },
};
