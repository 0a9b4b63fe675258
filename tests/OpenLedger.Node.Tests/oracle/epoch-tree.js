// Reference for the epoch tree: @openzeppelin/merkle-tree's StandardMerkleTree over the leaf types
// RewardDistributor verifies. stdin: { leaves: [[index, account, open, shares], ...] } (decimal strings);
// stdout: { root, proofs: [[...], ...] } with proofs in input order.
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { leaves } = JSON.parse(input);
  const tree = StandardMerkleTree.of(leaves, ["uint256", "address", "uint256", "uint256"]);
  const proofs = leaves.map((_, i) => tree.getProof(i));
  process.stdout.write(JSON.stringify({ root: tree.root, proofs }));
});
