// Raw registerBatch calldata for the canonical-encoding tests. The ContributionsRegistered log is a copy of this
// calldata, so these helpers build calldata that Solidity's decoder accepts but that is not abi.encode's layout,
// and read back what the contract logged.
const { ethers } = require("hardhat");
const { GWEI, MIN_BOND } = require("./registry");

// Entry[] with the uri as raw bytes: a string encodes exactly like bytes, and Solidity does not require its bytes
// to be UTF-8, so the tests compare raw bytes (ethers would refuse to decode a non-UTF-8 string).
const RAW_ENTRY_ARRAY = "tuple(bytes32 contentHash, uint8 kind, uint256 bond, bytes uri)[]";
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

/** Entries as plain objects with the uri as hex bytes, the form decodeBatch returns. */
const rawEntries = (entries) => entries.map((e) => ({
  contentHash: e.contentHash,
  kind: Number(e.kind),
  bond: BigInt(e.bond),
  uri: ethers.isHexString(e.uri) ? e.uri : ethers.hexlify(ethers.toUtf8Bytes(e.uri)),
}));

/** abi.encode(entries) (entries as rawEntries gives them): the only log data a strict decoder accepts. */
const canonicalEntries = (entries) =>
  coder.encode([RAW_ENTRY_ARRAY], [entries.map((e) => [e.contentHash, e.kind, e.bond, e.uri])]);

/**
 * registerBatch calldata decoded by ethers, the entries as rawEntries gives them. The calldata is first padded with
 * zeros to whole words, since the EVM reads zeros past its end: Solidity accepts a last uri whose padding was left
 * out, ethers would not. (ethers masks a uint8 instead of rejecting it; a test that re-encodes catches that.)
 */
function decodeBatch(data) {
  const body = ethers.dataSlice(data, 4);
  const padded = ethers.concat([body, new Uint8Array((32 - (ethers.dataLength(body) % 32)) % 32)]);
  const [modelId, entries] = coder.decode(["uint256", RAW_ENTRY_ARRAY], padded);
  return { modelId, entries: rawEntries([...entries].map((e) => ({ ...e.toObject(), uri: ethers.hexlify(e.uri) }))) };
}

/** The ContributionsRegistered log of a receipt (exactly one is expected). */
function batchLog(registry, receipt) {
  const topic = registry.interface.getEvent("ContributionsRegistered").topicHash;
  const logs = receipt.logs.filter((log) => log.topics[0] === topic);
  if (logs.length !== 1) throw new Error(`expected one ContributionsRegistered log, found ${logs.length}`);
  return logs[0];
}

// ---- Fuzzing: random batches and random mutations of their calldata ----

const URI_LENGTHS = [0, 1, 12, 31, 32, 33, 63, 64, 65, 90];
const URI_CHARS = [..."abcdefghijklmnopqrstuvwxyz0123456789:/.-_", "é", "€"];

/** A random batch of 1-4 entries whose content hashes are unique to `round`, with uris of boundary lengths. */
function randomBatch(rng, round) {
  const uri = (length) => {
    let text = "";
    while (ethers.toUtf8Bytes(text).length < length) text += rng.pick(URI_CHARS);
    return text;
  };
  return Array.from({ length: rng.int(1, 4) }, (_, j) => ({
    contentHash: ethers.id(`fuzz-${round}-${j}`),
    kind: rng.int(0, 3),
    bond: MIN_BOND + BigInt(rng.int(0, 1000)) * GWEI,
    uri: uri(rng.pick(URI_LENGTHS)),
  }));
}

// The body (calldata after the selector) as an array of byte values, edited in place by word or by byte.
const wordAt = (body, i) => BigInt(ethers.hexlify(Uint8Array.from(body.slice(i * 32, i * 32 + 32))));
const wordBytes = (value) => [...ethers.getBytes(ethers.toBeHex(BigInt.asUintN(256, value), 32))];
const setWord = (body, i, value) => body.splice(i * 32, 32, ...wordBytes(value));
const insertWord = (body, i, value) => body.splice(i * 32, 0, ...wordBytes(value));
const words = (body) => Math.floor(body.length / 32);
const randomWord = (rng) => BigInt(ethers.hexlify(Uint8Array.from({ length: 32 }, () => rng.int(0, 255))));

/** Where the entries are, read from a body whose array starts at word 2; throws if an earlier mutation broke that. */
function layout(body) {
  const count = Number(wordAt(body, 2));
  if (count < 1 || count > 4) throw new Error("no batch layout");
  const inside = (word) => {
    if (!Number.isInteger(word) || word < 0 || word >= words(body)) throw new Error("no batch layout");
    return word;
  };
  const start = (i) => inside(3 + Number(wordAt(body, 3 + i)) / 32);
  const uriLength = (i) => {
    const length = Number(wordAt(body, start(i) + 4));
    inside(start(i) + 4 + Math.ceil(length / 32)); // the uri's last word lies inside the body
    return length;
  };
  return { count, start, uriLength };
}

// Each mutation edits the body; some keep it valid ABI with a non-canonical layout, some break it, some are benign.
const MUTATIONS = {
  none: () => {},
  word: (rng, body) => {
    const i = rng.int(0, words(body) - 1);
    const old = wordAt(body, i);
    const value = rng.pick([0n, 1n, 3n, 4n, 0x20n, 0x40n, 0x60n, 0x80n, 0xa0n, old + 32n, old - 32n, old + 1n,
      2n ** 64n, BigInt(rng.int(0, 600)), randomWord(rng)]);
    setWord(body, i, value);
  },
  byte: (rng, body) => {
    body[rng.int(0, body.length - 1)] ^= rng.int(1, 255);
  },
  dirtyPadding: (rng, body) => {
    const { count, start, uriLength } = layout(body);
    const padded = Array.from({ length: count }, (_, i) => i).filter((i) => uriLength(i) % 32 !== 0);
    if (padded.length === 0) return;
    const i = rng.pick(padded);
    const padding = 32 - (uriLength(i) % 32);
    body[(start(i) + 5) * 32 + uriLength(i) + rng.int(0, padding - 1)] = rng.int(1, 255);
  },
  gapBeforeElement: (rng, body) => {
    const { count, start } = layout(body);
    const i = rng.int(0, count - 1);
    insertWord(body, start(i), rng.chance(0.5) ? 0n : randomWord(rng));
    for (let j = i; j < count; j++) setWord(body, 3 + j, wordAt(body, 3 + j) + 32n);
  },
  insertWord: (rng, body) => insertWord(body, rng.int(0, words(body)), randomWord(rng)),
  deleteWord: (rng, body) => body.splice(rng.int(0, words(body) - 1) * 32, 32),
  append: (rng, body) => body.push(...Array.from({ length: rng.int(1, 70) }, () => rng.int(0, 255))),
  truncate: (rng, body) => body.splice(body.length - rng.int(1, 40)),
  moveArray: (rng, body) => {
    setWord(body, 1, 0x60n);
    insertWord(body, 2, randomWord(rng));
  },
  swapElements: (rng, body) => {
    const { count } = layout(body);
    if (count < 2) return;
    const [a, b] = [rng.int(0, count - 1), rng.int(0, count - 1)];
    const [wa, wb] = [wordAt(body, 3 + a), wordAt(body, 3 + b)];
    setWord(body, 3 + a, wb);
    setWord(body, 3 + b, wa);
  },
  repeatElement: (rng, body) => {
    const { count } = layout(body);
    setWord(body, 3 + rng.int(0, count - 1), wordAt(body, 3 + rng.int(0, count - 1)));
  },
};

/** Valid registerBatch calldata with one or two random mutations; `applied` names them, to replay a failure. */
function mutateBatch(rng, data) {
  const bytes = ethers.getBytes(data);
  const body = [...bytes.slice(4)];
  const applied = [];
  for (let n = rng.chance(0.25) ? 2 : 1; n > 0; n--) {
    const name = rng.pick(Object.keys(MUTATIONS));
    // A second mutation may have to read a layout the first one broke; then it does nothing.
    try {
      MUTATIONS[name](rng, body);
    } catch {
      continue;
    }
    applied.push(name);
  }
  return { data: ethers.concat([bytes.slice(0, 4), Uint8Array.from(body)]), applied };
}

module.exports = { batchWords, rawEntries, canonicalEntries, decodeBatch, batchLog, randomBatch, mutateBatch };
