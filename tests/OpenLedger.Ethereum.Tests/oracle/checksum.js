// Reference: ethers.getAddress (EIP-55) for each lower-case address given on stdin.
const { getAddress } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map((a) => getAddress(a))));
