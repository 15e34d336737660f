using System.CommandLine;

namespace Edge.Provisioning.Paths;

/// <summary>
/// The global (recursive) options that relocate every path, each with an environment variable behind it.
/// Precedence: option, then environment, then the on-hub default.
/// </summary>
internal sealed class PathOptions
{
    public const string ConfigDirVariable = "EDGE_CONFIG_DIR";
    public const string StateDirVariable = "EDGE_STATE_DIR";
    public const string PasswordFileVariable = "EDGE_MOSQUITTO_PASSWORD_FILE";
    public const string AclFileVariable = "EDGE_MOSQUITTO_ACL_FILE";
    public const string BrokerPidFileVariable = "EDGE_BROKER_PID_FILE";
    public const string ZonesFileVariable = "EDGE_ZONES_FILE";

    public Option<string?> ConfigDir { get; } = Make("--config-dir", $"Configuration folder (default {EdgePaths.DefaultConfigDir}, env {ConfigDirVariable}).");

    public Option<string?> StateDir { get; } = Make("--state-dir", $"State folder (default {EdgePaths.DefaultStateDir}, env {StateDirVariable}).");

    public Option<string?> PasswordFile { get; } = Make("--mosquitto-password-file", $"The broker's password_file (default <config-dir>/mosquitto/passwd, env {PasswordFileVariable}).");

    public Option<string?> AclFile { get; } = Make("--mosquitto-acl-file", $"The broker's acl_file (default <config-dir>/mosquitto/acl, env {AclFileVariable}).");

    public Option<string?> BrokerPidFile { get; } = Make("--broker-pid-file", $"mosquitto's pid file, for the reload signal (default {EdgePaths.DefaultBrokerPidFile}, env {BrokerPidFileVariable}).");

    public Option<string?> ZonesFile { get; } = Make("--zones-file", $"Where beacon-gateway reads the store's zones (default <config-dir>/zones.json, env {ZonesFileVariable}).");

    public void AddTo(RootCommand root)
    {
        root.Options.Add(ConfigDir);
        root.Options.Add(StateDir);
        root.Options.Add(PasswordFile);
        root.Options.Add(AclFile);
        root.Options.Add(BrokerPidFile);
        root.Options.Add(ZonesFile);
    }

    public EdgePaths Resolve(ParseResult parse, Func<string, string?> environment)
    {
        string Pick(Option<string?> option, string variable, string fallback)
        {
            var value = parse.GetValue(option);
            if (string.IsNullOrWhiteSpace(value))
            {
                value = environment(variable);
            }

            return Path.GetFullPath(string.IsNullOrWhiteSpace(value) ? fallback : value);
        }

        var config = Pick(ConfigDir, ConfigDirVariable, EdgePaths.DefaultConfigDir);
        var state = Pick(StateDir, StateDirVariable, EdgePaths.DefaultStateDir);
        return new EdgePaths(
            config,
            state,
            Pick(PasswordFile, PasswordFileVariable, Path.Combine(config, "mosquitto", "passwd")),
            Pick(AclFile, AclFileVariable, Path.Combine(config, "mosquitto", "acl")),
            Pick(BrokerPidFile, BrokerPidFileVariable, EdgePaths.DefaultBrokerPidFile),
            Pick(ZonesFile, ZonesFileVariable, Path.Combine(config, "zones.json")));
    }

    private static Option<string?> Make(string name, string description) =>
        new(name) { Description = description, Recursive = true };
}
