namespace OpenLedger.Attribution.Methods;

/// <summary>
/// The cohort boundaries a neighbour-credit report of a model's epoch must carry: the blocks at which the model's
/// earlier epochs were posted, ascending. Each posting published its report, and with it every item it valued, so a
/// contribution registered after it could have been derived from them; the boundaries let the method value such a
/// contribution only by what it adds. Both the report builder and the node's cross-check derive them with this rule,
/// so a reporter cannot leave a boundary out to let later data pass as earlier.
/// </summary>
public static class CohortBoundaries
{
    /// <param name="postedEpochs">The model's posted epochs (number, block of the posting), in any order.</param>
    /// <param name="epoch">The epoch the report is for: only epochs before it count.</param>
    public static IReadOnlyList<ulong> Of(IEnumerable<(ulong Epoch, ulong PostedBlock)> postedEpochs, ulong epoch) =>
        [.. postedEpochs.Where(p => p.Epoch < epoch).Select(p => p.PostedBlock).Distinct().Order()];
}
