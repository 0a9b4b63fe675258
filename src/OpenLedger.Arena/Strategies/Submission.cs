using OpenLedger.Training.Datasets;

namespace OpenLedger.Arena.Strategies;

/// <summary>One registration: the wallet that registers it (a small number, see <see cref="Play.ArenaWallets"/>) and its rows.</summary>
public sealed record Submission(int Wallet, LabelledDataset Rows);
