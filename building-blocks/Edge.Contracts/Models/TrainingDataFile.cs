namespace Edge.Contracts.Models;

/// <summary>An input file of training, by name relative to the data folder, with its lower-case hex sha256 and size.</summary>
public sealed record TrainingDataFile(string Name, string Sha256, long Bytes);
