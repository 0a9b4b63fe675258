using OpenLedger.Indexer.Store.Views;

namespace OpenLedger.Node.Api;

/// <summary>
/// The evaluation set a model owner sealed on chain for an epoch: the keccak-256 of its test rows, and the block and
/// transaction that committed it. The epoch's report must carry this testSetHash; the rows come with the report, and its
/// precision subsets are drawn from <see cref="CommittedBlockHash"/> (empty when the index predates schema 7 and its
/// reorg window no longer holds the block).
/// </summary>
public sealed record EvaluationResponse(long ModelId, long Epoch, string TestSetHash, long CommittedBlock, string TxHash, string CommittedBlockHash)
{
    public static EvaluationResponse Of(EvaluationCommitmentView view) =>
        new(view.ModelId, view.Epoch, view.TestSetHash, view.BlockNumber, view.TxHash, view.BlockHash);
}
