// ethers v6 on the same work as benchmarks/OpenLedger.Benchmarks/AbiBenchmarks.cs: decode one
// ContributionRegistered log (Interface.parseLog and decodeEventLog) and encode a 10-item registerBatch call.
// Prints ops/s as JSON. Run from the repository root: node benchmarks/ethers/abi-bench.js [seconds-per-case]
const { Interface, AbiCoder, id, zeroPadValue, toBeHex, version } = require("ethers");

const iface = new Interface([
  "event ContributionRegistered(uint256 indexed id, uint256 indexed modelId, address indexed contributor, bytes32 contentHash, uint8 kind, string uri, uint256 bond)",
  "function registerBatch((uint256 modelId, bytes32 contentHash, uint8 kind, string uri)[] items)",
]);
const uri = "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtq/a"; // 60 characters
const contributor = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const fragment = iface.getEvent("ContributionRegistered");
const log = {
  topics: [fragment.topicHash, zeroPadValue(toBeHex(42), 32), zeroPadValue(toBeHex(7), 32), zeroPadValue(contributor, 32)],
  data: AbiCoder.defaultAbiCoder().encode(["bytes32", "uint8", "string", "uint256"], [id("artifact"), 3, uri, 10n ** 18n]),
};
const items = Array.from({ length: 10 }, (_, i) => [7n, id(`artifact ${i}`), i % 4, uri]);

function measure(fn, seconds) {
  for (let i = 0; i < 2000; i++) fn(); // warm-up for the JIT
  let ops = 0;
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  while (process.hrtime.bigint() < end) { for (let i = 0; i < 100; i++) fn(); ops += 100; }
  return Math.round(ops / (Number(process.hrtime.bigint() - start) / 1e9));
}

const seconds = Number(process.argv[2] || 2);
const result = {
  ethers: version,
  parseLogOpsPerSec: measure(() => iface.parseLog(log), seconds),
  decodeEventLogOpsPerSec: measure(() => iface.decodeEventLog(fragment, log.data, log.topics), seconds),
  encodeRegisterBatchOpsPerSec: measure(() => iface.encodeFunctionData("registerBatch", [items]), seconds),
};
process.stdout.write(JSON.stringify(result, null, 2) + "\n");
