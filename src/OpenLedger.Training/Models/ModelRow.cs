namespace OpenLedger.Training.Models;

/// <summary>
/// One row as ML.NET reads it. <see cref="Label"/> is a key over every class of the dataset, given here as the 0-based
/// class index (ML.NET stores index + 1 for an in-memory key; its PredictedLabel column reads back 1-based), so a coalition that lacks a class still trains a model over all classes and its predictions map back to
/// the dataset's labels. Public because ML.NET builds its row accessors by reflection.
/// </summary>
public sealed class ModelRow
{
    public float[] Features { get; set; } = [];

    public uint Label { get; set; }
}
