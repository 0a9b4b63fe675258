using System.Numerics;
using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Attribution;

/// <summary>A registration of content already registered earlier (as <paramref name="OriginalId"/>): credited nothing.</summary>
public sealed record ExcludedDuplicate(BigInteger Id, Address Contributor, Hash32 ContentHash, BigInteger OriginalId);
