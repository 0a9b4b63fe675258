namespace OpenLedger.Node.Api;

/// <summary>A model's epochs; ChainTime is the timestamp of the indexed cursor block the statuses were judged at.</summary>
public sealed record EpochList(long ModelId, long? ChainTime, IReadOnlyList<EpochResponse> Items);
