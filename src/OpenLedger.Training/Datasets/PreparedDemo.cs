using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// What <see cref="DemoDataset.Prepare"/> produces: the contributors' shards (training rows, one possibly
/// mislabelled), the held-out test split with its canonical bytes and keccak-256, and the split itself.
/// </summary>
public sealed record PreparedDemo(
    LabelledDataset Dataset,
    TrainTestSplit Split,
    IReadOnlyList<DemoShard> Shards,
    LabelledDataset Test,
    byte[] TestBytes,
    Hash32 TestSetHash);
