namespace Edge.Hosting.Options;

/// <summary>A configuration value a person has to fix; the message names the key.</summary>
public sealed class EdgeConfigurationException : Exception
{
    public EdgeConfigurationException(string message)
        : base(message)
    {
    }

    public EdgeConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EdgeConfigurationException()
    {
    }
}
