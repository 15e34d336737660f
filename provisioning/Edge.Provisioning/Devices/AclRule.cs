namespace Edge.Provisioning.Devices;

/// <summary>One mosquitto ACL line: <c>topic read|write|readwrite &lt;topic&gt;</c>.</summary>
internal sealed record AclRule(string Access, string Topic)
{
    public override string ToString() => $"topic {Access} {Topic}";
}
