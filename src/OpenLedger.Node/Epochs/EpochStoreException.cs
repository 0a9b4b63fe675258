namespace OpenLedger.Node.Epochs;

/// <summary>The epoch store could not be reached or read; the message says what was being done and where, never a password.</summary>
public sealed class EpochStoreException(string message, Exception? inner = null) : Exception(message, inner);
