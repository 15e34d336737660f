namespace Edge.BeaconGateway.Radio;

/// <summary>The controller refused or did not answer a command.</summary>
public sealed class HciCommandException : Exception
{
    public HciCommandException(ushort opcode, byte status, string message)
        : base(message)
    {
        Opcode = opcode;
        Status = status;
    }

    public HciCommandException()
    {
    }

    public HciCommandException(string message)
        : base(message)
    {
    }

    public HciCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ushort Opcode { get; }

    /// <summary>The HCI error code (Vol 1 Part F), 0xFF when the command timed out.</summary>
    public byte Status { get; }
}
