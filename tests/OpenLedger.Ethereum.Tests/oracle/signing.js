// Reference: ethers v6 SigningKey.sign (RFC 6979, low s) and recoverAddress, for each { key, hash }.
const { SigningKey, computeAddress, recoverAddress, Signature } = require("ethers");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(input.map(({ key, hash }) => {
  const signature = new SigningKey(key).sign(hash);
  return {
    address: computeAddress(key),
    r: signature.r, s: signature.s, yParity: signature.yParity,
    recovered: recoverAddress(hash, Signature.from({ r: signature.r, s: signature.s, yParity: signature.yParity })),
  };
})));
