// Raw registerBatch calldata for the canonical-encoding tests. The ContributionsRegistered log is a copy of this
// calldata, so these helpers build calldata that Solidity's decoder accepts but that is not abi.encode's layout,
// and read back what the contract logged.
const { ethers } = require("hardhat");
const { entryTuple } = require("./registry");

const ENTRY_ARRAY = "tuple(bytes32 contentHash, uint8 kind, uint256 bond, string uri)[]";
const coder = ethers.AbiCoder.defaultAbiCoder();

/**
 * registerBatch(modelId, entries) calldata as 32-byte words after the selector, to patch by hand. Word 0 is the
 * modelId, 1 the array's offset, 2 its length, 3.. the element offsets (relative to word 3), then the elements:
 * contentHash, kind, bond, uri offset (relative to the element), uri length, uri bytes.
 */
function batchWords(registry, modelId, entries) {
  const data = registry.interface.encodeFunctionData("registerBatch", [modelId, entries]);
  const body = ethers.getBytes(data).slice(4);
  const words = [];
  for (let i = 0; i < body.length; i += 32) words.push(BigInt(ethers.hexlify(body.slice(i, i + 32))));
  const selector = ethers.dataSlice(data, 0, 4);
  const join = (ws) => ethers.concat([selector, ...ws.map((w) => ethers.toBeHex(w, 32))]);
  const entryStart = (i) => 3 + Number(words[3 + i]) / 32;
  return { words, join, entryStart };
}

/** abi.encode(entries): the only log data a strict decoder accepts for these entries. */
const canonicalEntries = (entries) => coder.encode([ENTRY_ARRAY], [entries.map(entryTuple)]);

/** The entries as ethers decodes calldata (leniently, like Solidity's decoder), as plain objects. */
function decodeBatch(registry, data) {
  const [modelId, entries] = registry.interface.decodeFunctionData("registerBatch", data);
  return {
    modelId,
    entries: [...entries].map((e) => ({ contentHash: e.contentHash, kind: Number(e.kind), bond: e.bond, uri: e.uri })),
  };
}

/** The ContributionsRegistered log of a receipt (exactly one is expected). */
function batchLog(registry, receipt) {
  const topic = registry.interface.getEvent("ContributionsRegistered").topicHash;
  const logs = receipt.logs.filter((log) => log.topics[0] === topic);
  if (logs.length !== 1) throw new Error(`expected one ContributionsRegistered log, found ${logs.length}`);
  return logs[0];
}

module.exports = { ENTRY_ARRAY, batchWords, canonicalEntries, decodeBatch, batchLog };
