using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Edge.Trainer.Cli;

/// <summary>Writes a report as indented JSON, creating its folder.</summary>
internal static class ReportFile
{
    public static void Write<T>(string path, T report, JsonTypeInfo<T> typeInfo)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(report, typeInfo));
    }
}
