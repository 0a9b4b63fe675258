using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>
/// A credited contribution whose value fell below the report's flag threshold, or whose items did more harm than the
/// method's harmful-share threshold allows: a candidate for validators to review. <paramref name="Reason"/> says which.
/// </summary>
public sealed record FlagCandidate(BigInteger Id, Address Contributor, double Value, string Reason);
