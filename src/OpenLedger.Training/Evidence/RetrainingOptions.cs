namespace OpenLedger.Training.Evidence;

/// <summary>
/// How much retraining evidence may cost: <paramref name="Budget"/> is the most coalitions evaluated (each a training
/// unless already trained), <paramref name="Parallelism"/> the most trained at once, <paramref name="Tolerance"/> TMC's
/// relative truncation tolerance. <paramref name="Progress"/> gets (evaluated, planned) after each evaluation.
/// </summary>
public sealed record RetrainingOptions(int Budget, int Parallelism = 2, double Tolerance = 0.01, Action<int, int>? Progress = null)
{
    public void Validate()
    {
        if (Budget < 1) throw new AttributionException($"The retraining budget must be at least 1 coalition but is {Budget}");
        if (Parallelism < 1) throw new AttributionException($"The parallelism must be at least 1 but is {Parallelism}");
        if (!(Tolerance >= 0) || !double.IsFinite(Tolerance))
            throw new AttributionException($"The truncation tolerance must be a finite number ≥ 0 but is {Tolerance}");
    }
}
