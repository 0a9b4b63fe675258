namespace OpenLedger.Arena.Board;

/// <summary>What a board's dataset looked like: sizes of the whole, the evaluation split and the shards, and the honest model's score.</summary>
public sealed record DatasetInfo(string Name, int Rows, int Features, int Classes, int TestRows, int[] HonestShardRows, int OwnShardRows,
    double Score, double Baseline);
