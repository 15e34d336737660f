using System.Security.Cryptography;
using Edge.Contracts.Models;

namespace Edge.Trainer.Data;

/// <summary>sha256 of the input files, recorded in manifests and reports so a figure can be traced to its data.</summary>
internal static class FileHashes
{
    public static TrainingDataFile Of(string dataFolder, string fileName)
    {
        var path = Path.Combine(dataFolder, fileName);
        using var stream = File.OpenRead(path);
        var hash = SHA256.HashData(stream);
        return new TrainingDataFile(fileName, Convert.ToHexStringLower(hash), stream.Length);
    }
}
