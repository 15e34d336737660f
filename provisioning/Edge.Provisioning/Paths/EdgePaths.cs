namespace Edge.Provisioning.Paths;

/// <summary>
/// Every file and folder the CLI touches. On a hub these are the defaults (/etc/store-edge, /var/lib/store-edge,
/// Debian's mosquitto pid file); tests and staging rigs point them at temporary folders through options or
/// environment variables, so nothing here is hard-wired to the real system.
/// </summary>
internal sealed record EdgePaths(
    string ConfigDir,
    string StateDir,
    string MosquittoPasswordFile,
    string MosquittoAclFile,
    string BrokerPidFile,
    string ZonesFile)
{
    public const string DefaultConfigDir = "/etc/store-edge";
    public const string DefaultStateDir = "/var/lib/store-edge";
    public const string DefaultBrokerPidFile = "/run/mosquitto/mosquitto.pid";

    /// <summary>Private key, CSR, certificate and hub.json (store and hub ids).</summary>
    public string IdentityDir => Path.Combine(ConfigDir, "identity");

    public string HubKeyFile => Path.Combine(IdentityDir, "hub.key");

    public string HubCsrFile => Path.Combine(IdentityDir, "hub.csr");

    public string HubCertificateFile => Path.Combine(IdentityDir, "hub.crt");

    public string HubInfoFile => Path.Combine(IdentityDir, "hub.json");

    /// <summary>The CA chain the cloud broker's certificate is checked against (from claim).</summary>
    public string CloudCaFile => Path.Combine(IdentityDir, "cloud-ca.crt");

    /// <summary>Where cloud-sync reads its identity and endpoint after claim (<see cref="Edge.Contracts.Provisioning.CloudIdentity"/>).</summary>
    public string CloudConfigFile => Path.Combine(ConfigDir, "cloud.json");

    /// <summary>edge-agent's own configuration file: its API tokens and address.</summary>
    public string AgentConfigFile => ServiceConfigFile("edge-agent");

    /// <summary>A service's own configuration file (Edge.Hosting reads /etc/store-edge/&lt;service&gt;.json after store.json).</summary>
    public string ServiceConfigFile(string service) => Path.Combine(ConfigDir, service + ".json");

    /// <summary>The current claim code: state, not configuration, because it expires.</summary>
    public string ClaimFile => Path.Combine(StateDir, "claim.json");

    /// <summary>The device registry: the source of truth the broker's password and ACL entries are generated from.</summary>
    public string DevicesFile => Path.Combine(StateDir, "devices.json");
}
