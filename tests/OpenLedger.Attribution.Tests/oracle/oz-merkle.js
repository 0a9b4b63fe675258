// Reference oracle: @openzeppelin/merkle-tree's StandardMerkleTree on the cases given on stdin.
// Input:  {"cases": [{"types": [...], "values": [[...], ...], "proofIndices": [..]?, "dump": bool?, "multiproofs": [[..]]?}]}
// Output: [{"root", "proofs": {index: [..]}, "leaves": {index: ..}, "tree": [..]?, "treeIndex": [..]?}]
// proofIndices defaults to every value. getProof and leafHash re-validate each leaf and cost about a
// millisecond each, so large cases ask for a sample of proofs plus the dumped node array (which fixes every proof).
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { cases } = JSON.parse(input);
  const results = cases.map(({ types, values, proofIndices, dump, multiproofs }) => {
    const tree = StandardMerkleTree.of(values, types);
    const indices = proofIndices ?? values.map((_, i) => i);
    const proofs = {};
    const leaves = {};
    for (const i of indices) {
      proofs[i] = tree.getProof(i);
      leaves[i] = tree.leafHash(values[i]);
    }
    const result = { root: tree.root, proofs, leaves };
    if (multiproofs) {
      result.multiproofs = multiproofs.map((indices) => {
        const m = tree.getMultiProof(indices);
        return { leaves: m.leaves.map((v) => tree.leafHash(v)), proof: m.proof, proofFlags: m.proofFlags };
      });
    }
    if (dump) {
      const dumped = tree.dump();
      result.tree = dumped.tree;
      result.treeIndex = dumped.values.map((v) => v.treeIndex);
    }
    return result;
  });
  process.stdout.write(JSON.stringify(results));
});
