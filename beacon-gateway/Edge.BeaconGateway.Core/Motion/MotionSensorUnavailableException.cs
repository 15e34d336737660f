namespace Edge.BeaconGateway.Motion;

/// <summary>The GPIO chip or a line cannot be opened; the message names the chip, the line and the fix.</summary>
public sealed class MotionSensorUnavailableException : Exception
{
    public MotionSensorUnavailableException()
    {
    }

    public MotionSensorUnavailableException(string message)
        : base(message)
    {
    }

    public MotionSensorUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
