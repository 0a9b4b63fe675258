using System.Numerics;
using OpenLedger.Ethereum.Signing;

namespace OpenLedger.Node.Relay;

/// <summary>A parsed relay permit: the owner is the request's contributor, the spender the registry, the nonce the token's current one.</summary>
public readonly record struct SignedPermit(BigInteger Value, BigInteger Deadline, Signature Signature);
