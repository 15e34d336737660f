using Edge.TestKit;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>Needs mosquitto, node and Eclipse Tahu's sparkplug-payload (scripts/fetch-node-tools.sh); skips with a message saying which is missing.</summary>
public sealed class RequiresTahuFactAttribute : FactAttribute
{
    public RequiresTahuFactAttribute()
    {
        Skip = ExternalTools.MissingReason("mosquitto", "mosquitto")
            ?? ExternalTools.MissingReason("node", "nodejs")
            ?? (TahuDecoder.ModulesDirectory is null ? "sparkplug-payload (Eclipse Tahu) is not installed: run scripts/fetch-node-tools.sh" : null);
    }
}
