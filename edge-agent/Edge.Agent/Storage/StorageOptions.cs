using System.ComponentModel.DataAnnotations;

namespace Edge.Agent.Storage;

/// <summary>Section <c>EdgeAgent:Storage</c>: the agent's SQLite file and its one writer's queue.</summary>
internal sealed class StorageOptions
{
    public const string Section = "EdgeAgent:Storage";

    /// <summary>SQLite file (WAL). Relative paths are under the content root.</summary>
    [Required]
    public string DatabasePath { get; set; } = "/var/lib/store-edge/edge-agent/agent.db";

    /// <summary>Writes waiting for the writer. Full: the caller waits (back-pressure), it is never dropped.</summary>
    [Range(16, 100_000)]
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Writes committed together in one transaction (one fsync), each in its own savepoint.</summary>
    [Range(1, 1024)]
    public int MaxBatch { get; set; } = 64;
}
