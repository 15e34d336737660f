namespace Edge.Contracts.Provisioning;

/// <summary>
/// Fleet provisioning by claim on the cloud broker. The hub connects with the bootstrap (claim) credentials,
/// which may do nothing but publish here and read their own response topic, and sends a <see cref="ClaimRequest"/>
/// as an MQTT 5 request (response topic + correlation data); the cloud answers with a <see cref="ClaimResponse"/>.
/// </summary>
public static class ClaimTopics
{
    public const string Claim = "retail/v1/provisioning/claim";
}
