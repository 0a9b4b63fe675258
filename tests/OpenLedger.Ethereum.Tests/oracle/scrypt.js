// Reference: scrypt-js 3 (ethers v5's scrypt), which like geth's and libsodium's takes n >= 2^16 with r = 1 (Nethereum's
// and eth-keyfile's default) where ethers v6 and OpenSSL keep RFC 7914's bound. { derive: [{ password, salt, n, r, p, dklen }] }
// (password UTF-8 text, salt hex) gives { derived: [hex] }.
const { syncScrypt } = require("scrypt-js");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const derived = input.derive.map(({ password, salt, n, r, p, dklen }) =>
  Buffer.from(syncScrypt(Buffer.from(password, "utf8"), Buffer.from(salt, "hex"), n, r, p, dklen)).toString("hex"));
process.stdout.write(JSON.stringify({ derived }));
