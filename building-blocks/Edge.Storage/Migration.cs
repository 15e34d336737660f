namespace Edge.Storage;

/// <summary>One schema step. Versions start at 1 and never change once shipped: add a new step instead.</summary>
public sealed record Migration(int Version, string Description, string Sql);
