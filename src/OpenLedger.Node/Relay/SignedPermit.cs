using System.Numerics;

namespace OpenLedger.Node.Relay;

/// <summary>A parsed relay permit: the owner is the request's contributor, the spender the registry, the nonce the token's current one; the signature's 65 bytes are verified, not only parsed, by RelayPermits.</summary>
public readonly record struct SignedPermit(BigInteger Value, BigInteger Deadline, byte[] Signature);
