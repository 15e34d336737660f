namespace Edge.Provisioning.Zones;

/// <summary>One problem in a zones file, at a line store IT can go to (1-based, like editors count).</summary>
internal sealed record ZoneFileError(int Line, string Message)
{
    public string Format(string fileName) => $"{fileName}:{Line}: {Message}";
}
