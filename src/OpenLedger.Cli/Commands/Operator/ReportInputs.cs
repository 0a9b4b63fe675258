using System.Numerics;
using OpenLedger.Attribution.Reports;
using OpenLedger.Training.Datasets;

namespace OpenLedger.Cli.Commands.Operator;

/// <summary>What a report verb read and checked before building: the test split, the matched shards and the epoch's rewards.</summary>
public sealed record ReportInputs(BigInteger Model, ulong Epoch, LabelledDataset Test, ShardMatching Matching, RewardBudget Rewards, BigInteger Pool);
