// Compiles one Solidity file with the pinned npm solc (the same compiler Hardhat uses here) and prints
// { contractName: { abi, bytecode } } for it. Input: { "path": "<file relative to the repo root>" }.
const fs = require("fs");
const path = require("path");
const solc = require("solc");
const { path: file } = JSON.parse(fs.readFileSync(0, "utf8"));
const source = fs.readFileSync(path.resolve(file), "utf8");
const output = JSON.parse(solc.compile(JSON.stringify({
  language: "Solidity",
  sources: { [path.basename(file)]: { content: source } },
  settings: { optimizer: { enabled: true, runs: 200 }, outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
})));
const errors = (output.errors || []).filter((e) => e.severity === "error");
if (errors.length) { console.error(errors.map((e) => e.formattedMessage).join("\n")); process.exit(1); }
const result = {};
for (const [name, c] of Object.entries(output.contracts[path.basename(file)])) result[name] = { abi: c.abi, bytecode: "0x" + c.evm.bytecode.object };
process.stdout.write(JSON.stringify(result));
