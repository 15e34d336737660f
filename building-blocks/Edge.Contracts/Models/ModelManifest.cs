namespace Edge.Contracts.Models;

/// <summary>
/// The manifest.json of a model bundle (model.onnx + manifest.json + manifest.sig). It tells the hub what the model
/// expects (input name, features in order with their encoding and normalisation), what it produces, which data it
/// was trained on (sha256 of every input file) and how well it did. The signature covers these exact bytes and the
/// model bytes (<see cref="ModelBundleSignature"/>).
/// </summary>
/// <param name="FormatVersion">Bundle format; <see cref="ModelBundleFiles.CurrentFormatVersion"/> today.</param>
/// <param name="ModelId">Stable name of the model family, e.g. "offers".</param>
/// <param name="Version">Version of this bundle; changes whenever the model bytes change.</param>
/// <param name="ModelSha256">Lower-case hex sha256 of model.onnx.</param>
/// <param name="InputName">The model's one input, float[N, Features.Count].</param>
/// <param name="OutputName">The model's output, float[N, 1] probabilities.</param>
/// <param name="Features">Feature schema in input column order.</param>
/// <param name="TrainingData">Every file the model was trained from, with its sha256.</param>
/// <param name="Metrics">Held-out metrics of this model and of its baselines.</param>
/// <param name="RebuildCommand">The command that rebuilds model.onnx and manifest.json byte for byte.</param>
public sealed record ModelManifest(
    int FormatVersion,
    string ModelId,
    string Version,
    string ModelSha256,
    string InputName,
    string OutputName,
    IReadOnlyList<ModelFeature> Features,
    IReadOnlyList<TrainingDataFile> TrainingData,
    IReadOnlyList<ModelMetric> Metrics,
    string RebuildCommand);
