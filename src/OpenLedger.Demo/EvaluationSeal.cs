namespace OpenLedger.Demo;

/// <summary>
/// The epoch's test set hash as the chain committed it, as the node serves it, as the posted report carries it, and
/// the keccak-256 of the test file the owner held back; null where one could not be read.
/// </summary>
public sealed record EvaluationSeal(string? Committed, string? Served, string? Reported, string TestFile);
