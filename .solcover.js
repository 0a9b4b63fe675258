// solidity-coverage settings (`npx hardhat coverage`). Test doubles under contracts/test/ are not product code:
// they are excluded from instrumentation and from the coverage gate (scripts/coverage-check.js).
module.exports = {
  skipFiles: ["test/"],
  istanbulReporter: ["json-summary", "text-summary", "lcov"],
};
