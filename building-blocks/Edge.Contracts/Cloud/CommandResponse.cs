using System.Text.Json;

namespace Edge.Contracts.Cloud;

/// <summary>Answer to a command on retail/v1/{store}/cmd/{name}, sent to the request's response topic with its correlation data.</summary>
public sealed record CommandResponse(string Status, string? Message = null, JsonElement? Result = null)
{
    public const string Ok = "ok";
    public const string Rejected = "rejected";
    public const string Unknown = "unknown-command";
}
