namespace Edge.Hosting.Broker;

/// <summary>The local broker could not be reached at start-up.</summary>
public sealed class BrokerUnavailableException : Exception
{
    public BrokerUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public BrokerUnavailableException()
    {
    }

    public BrokerUnavailableException(string message)
        : base(message)
    {
    }
}
