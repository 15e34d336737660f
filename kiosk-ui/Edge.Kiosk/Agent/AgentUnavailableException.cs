namespace Edge.Kiosk.Agent;

/// <summary>edge-agent did not answer (down, refused, timed out, 5xx): pages say the store system is offline.</summary>
internal sealed class AgentUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
