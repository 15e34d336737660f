using Edge.CloudSync.Fleet;
using Edge.Contracts;
using Edge.Messaging;

namespace Edge.CloudSync.Tests.Fleet;

/// <summary>
/// What LocalFleetInputs makes of edge-agent's model topics. Bad inputs tried: an empty retained message (a cleared
/// topic), a shadow-model topic of another service.
/// </summary>
public sealed class LocalFleetInputsTests
{
    private static readonly string s_shadowTopic = LocalTopics.ServiceShadowModelFor("edge-agent");

    [Fact]
    public void Filters_ShadowModelTopic_Subscribed()
    {
        Assert.Contains(LocalFleetInputs.Filters, f => MqttTopicFilter.Matches(f, s_shadowTopic));
    }

    [Fact]
    public void Observe_ShadowModelTopic_ReportedApartFromTheServingModelNoneKeptEmptyClears()
    {
        var inputs = new LocalFleetInputs();
        var changes = 0;
        inputs.Changed += () => changes++;

        Assert.Null(inputs.ShadowModelVersion);
        Assert.True(inputs.Observe(MqttMessage.FromString(LocalTopics.ServiceModelFor("edge-agent"), "offers 1")));
        Assert.True(inputs.Observe(MqttMessage.FromString(s_shadowTopic, "offers 2\n")));
        Assert.Equal(("offers 1", "offers 2"), (inputs.ModelVersion, inputs.ShadowModelVersion));

        // Promotion: "none" is what HQ shows, not an absence.
        Assert.True(inputs.Observe(MqttMessage.FromString(s_shadowTopic, "none")));
        Assert.Equal("none", inputs.ShadowModelVersion);

        // Another service's shadow model is not edge-agent's.
        Assert.True(inputs.Observe(MqttMessage.FromString(LocalTopics.ServiceShadowModelFor("beacon-gateway"), "zones 9")));
        Assert.Equal("none", inputs.ShadowModelVersion);

        Assert.True(inputs.Observe(new MqttMessage(s_shadowTopic, ReadOnlyMemory<byte>.Empty)));
        Assert.Null(inputs.ShadowModelVersion);
        Assert.Equal("offers 1", inputs.ModelVersion);
        Assert.Equal(5, changes);
    }
}
