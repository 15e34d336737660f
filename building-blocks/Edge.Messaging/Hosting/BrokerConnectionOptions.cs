using System.ComponentModel.DataAnnotations;

namespace Edge.Messaging.Hosting;

/// <summary>
/// The broker part of an options section (HQ's apps on the cloud broker): address, credentials and TLS files, under
/// the keys Broker, BrokerUsername, BrokerPassword, BrokerCaFile, BrokerCertificateFile and BrokerKeyFile.
/// </summary>
public abstract class BrokerConnectionOptions
{
    /// <summary>mqtt://host:port or mqtts://host:port.</summary>
    [Required]
    public string Broker { get; set; } = "mqtt://127.0.0.1:8883";

    public string? BrokerUsername { get; set; }

    public string? BrokerPassword { get; set; }

    /// <summary>CA the broker's certificate is checked against (mqtts).</summary>
    public string? BrokerCaFile { get; set; }

    /// <summary>This client's own certificate and key (mqtts with client certificates).</summary>
    public string? BrokerCertificateFile { get; set; }

    public string? BrokerKeyFile { get; set; }

    /// <summary>Copies the address, credentials and TLS files into a client's options.</summary>
    public void ApplyTo(MqttClientOptions client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.Server = Broker;
        client.Username = BrokerUsername;
        client.Password = BrokerPassword;
        client.CaFile = BrokerCaFile;
        client.ClientCertificateFile = BrokerCertificateFile;
        client.ClientKeyFile = BrokerKeyFile;
    }
}
