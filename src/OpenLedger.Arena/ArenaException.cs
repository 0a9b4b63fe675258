namespace OpenLedger.Arena;

/// <summary>The arena's one exception: an unknown dataset, method or strategy, or data it cannot play on.</summary>
public sealed class ArenaException(string message) : Exception(message);
