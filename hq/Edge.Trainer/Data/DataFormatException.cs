namespace Edge.Trainer.Data;

/// <summary>Input data is missing or not what the trainer was written for; the message names the file (and column).</summary>
internal sealed class DataFormatException(string message) : Exception(message);
