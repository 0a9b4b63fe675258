using OpenLedger.Ethereum.Primitives;

namespace OpenLedger.Training.Datasets;

/// <summary>
/// One contributor's file: its rows, the exact bytes to store and register (<see cref="SklearnCsv.ToBytes"/>) and
/// their keccak-256. <see cref="CorruptedRows"/> lists the rows whose label was shifted (empty for a clean shard).
/// </summary>
public sealed record DemoShard(int Index, LabelledDataset Rows, byte[] Bytes, Hash32 ContentHash, int[] CorruptedRows)
{
    public bool IsCorrupted => CorruptedRows.Length > 0;
}
