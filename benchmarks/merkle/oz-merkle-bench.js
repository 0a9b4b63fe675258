// Times @openzeppelin/merkle-tree on the same input as MerkleTreeBenchmarks (C#): StandardMerkleTree.of over
// N reward claims (uint256 index, address account, uint256 open, uint256 shares), the RewardDistributor leaf, plus
// getProof for every account. Prints one JSON object.
// Usage: node benchmarks/merkle/oz-merkle-bench.js [accounts=100000]
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");

// Same deterministic input as the C# benchmark: leaf i = (i, 0xA0…(i+1), (i+1)·10^15, i+1).
function input(n) {
  const values = new Array(n);
  for (let i = 0; i < n; i++) {
    const account = "0xa0" + (i + 1).toString(16).padStart(38, "0");
    values[i] = [String(i), account, (BigInt(i + 1) * 10n ** 15n).toString(), String(i + 1)];
  }
  return values;
}

const n = Number(process.argv[2] ?? 100000);
const values = input(n);
const start = process.hrtime.bigint();
const tree = StandardMerkleTree.of(values, ["uint256", "address", "uint256", "uint256"]);
const built = process.hrtime.bigint();
let proofNodes = 0;
for (let i = 0; i < n; i++) proofNodes += tree.getProof(i).length;
const done = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
process.stdout.write(JSON.stringify({
  library: "@openzeppelin/merkle-tree",
  accounts: n,
  root: tree.root,
  proofNodes,
  buildMs: ms(start, built),
  proofsMs: ms(built, done),
  totalMs: ms(start, done),
}) + "\n");
