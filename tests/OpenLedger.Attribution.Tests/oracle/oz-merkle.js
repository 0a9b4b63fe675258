// Reference oracle: @openzeppelin/merkle-tree's StandardMerkleTree on the cases given on stdin.
// Input:  {"cases": [{"types": ["address", "uint256", ...], "values": [["0x..", "123", ...], ...]}]}
// Output: [{"root": "0x..", "proofs": [["0x..", ...], ...], "leaves": ["0x..", ...]}]  (proofs/leaves in value order)
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { cases } = JSON.parse(input);
  const results = cases.map(({ types, values }) => {
    const tree = StandardMerkleTree.of(values, types);
    return {
      root: tree.root,
      proofs: values.map((_, i) => tree.getProof(i)),
      leaves: values.map((v) => tree.leafHash(v)),
    };
  });
  process.stdout.write(JSON.stringify(results));
});
