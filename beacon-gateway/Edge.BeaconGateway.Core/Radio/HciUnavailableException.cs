namespace Edge.BeaconGateway.Radio;

/// <summary>The hub's own radio cannot be opened; the message names the adapter, the cause and the fix.</summary>
public sealed class HciUnavailableException : Exception
{
    public HciUnavailableException()
    {
    }

    public HciUnavailableException(string message)
        : base(message)
    {
    }

    public HciUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The errno of the failing call, 0 when none.</summary>
    public int Errno { get; init; }
}
