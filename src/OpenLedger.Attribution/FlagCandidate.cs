using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>A credited contribution whose value fell below the report's flag threshold: a candidate for validators to review.</summary>
public sealed record FlagCandidate(BigInteger Id, Address Contributor, double Value);
