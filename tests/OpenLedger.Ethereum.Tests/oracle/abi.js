// Reference ABI coding: ethers v6 AbiCoder / Interface for every case given on stdin (one call, many cases).
const { AbiCoder, Interface, ParamType, id, keccak256 } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const coder = AbiCoder.defaultAbiCoder();

// ethers' decoded values -> the JSON form the C# test uses (decimal strings, lower-case hex).
function normal(value) {
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return /^0x[0-9a-fA-F]{40}$/.test(value) ? value.toLowerCase() : value;
  if (value && value._isIndexed) return value.hash;
  if (Array.isArray(value)) return Array.from(value, normal);
  return value;
}

function paramList(params) {
  return params.map((p, i) => `${p.type}${p.indexed ? " indexed" : ""} p${i}`).join(", ");
}

function valueTopic(type, value) {
  if (type === "string") return id(value);
  if (type === "bytes") return keccak256(value);
  return coder.encode([type], [value]);
}

const handlers = {
  encode: (c) => {
    const encoded = coder.encode(c.types, c.values);
    return { encoded, decoded: normal(coder.decode(c.types, encoded)) };
  },
  event: (c) => {
    // JSON ABI form: ethers' human-readable parser does not accept the anonymous keyword.
    const inputs = c.params.map((p, i) => ({ ...JSON.parse(ParamType.from(p.type).format("json")), name: `p${i}`, indexed: p.indexed }));
    const iface = new Interface([{ type: "event", name: "E", anonymous: c.anonymous, inputs }]);
    const fragment = iface.getEvent("E");
    const topics = c.anonymous ? [] : [fragment.topicHash];
    const dataTypes = [], dataValues = [];
    c.params.forEach((p, i) => {
      if (!p.indexed) { dataTypes.push(p.type); dataValues.push(c.values[i]); }
      else if (p.hashTopic) topics.push(c.values[i]); // arrays/tuples: the test supplies the hash itself
      else topics.push(valueTopic(p.type, c.values[i]));
    });
    const data = coder.encode(dataTypes, dataValues);
    const decoded = normal(iface.decodeEventLog(fragment, data, topics));
    return { topics, data, decoded, topic0: fragment.topicHash };
  },
  error: (c) => {
    const iface = new Interface([`error ${c.name}(${paramList(c.params)})`]);
    const data = iface.encodeErrorResult(c.name, c.values);
    const parsed = iface.parseError(data);
    return { data, name: parsed.name, decoded: normal(parsed.args) };
  },
};

process.stdout.write(JSON.stringify(input.map((c) => handlers[c.kind](c))));
