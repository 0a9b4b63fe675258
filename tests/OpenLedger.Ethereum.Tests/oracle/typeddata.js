// Reference: ethers v6 TypedDataEncoder for each { domain, types, primaryType, message } (types without EIP712Domain).
const { TypedDataEncoder } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(({ domain, types, primaryType, message }) => {
  const encoder = TypedDataEncoder.from(types);
  if (encoder.primaryType !== primaryType) throw new Error(`primary type ${encoder.primaryType} != ${primaryType}`);
  return {
    encodeType: encoder.encodeType(primaryType),
    domainSeparator: TypedDataEncoder.hashDomain(domain),
    structHash: encoder.hash(message),
    digest: TypedDataEncoder.hash(domain, types, message),
  };
})));
