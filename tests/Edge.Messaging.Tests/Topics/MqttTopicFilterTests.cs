namespace Edge.Messaging.Tests.Topics;

/// <summary>The examples of MQTT 5.0 section 4.7 (and 4.8.2 for shared subscriptions), one row per sentence.</summary>
public sealed class MqttTopicFilterTests
{
    [Theory]
    // 4.7.1.2 multi-level wildcard: "sport/tennis/player1/#" matches these three.
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1")]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking")]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon")]
    // "sport/#" also matches the singular "sport", since # includes the parent level.
    [InlineData("sport/#", "sport")]
    [InlineData("#", "sport/tennis/player1")]
    [InlineData("#", "/")]
    // 4.7.1.3 single-level wildcard.
    [InlineData("sport/tennis/+", "sport/tennis/player1")]
    [InlineData("sport/tennis/+", "sport/tennis/player2")]
    [InlineData("sport/+", "sport/")]
    [InlineData("+/+", "/finance")]
    [InlineData("/+", "/finance")]
    [InlineData("+/tennis/#", "sport/tennis/player1/ranking")]
    [InlineData("sport/+/player1", "sport/tennis/player1")]
    // 4.7.2: a filter not starting with a wildcard can match $ topics.
    [InlineData("$SYS/#", "$SYS/broker/clients")]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients")]
    // 4.7.3: topics are case-sensitive and may contain spaces; empty levels are levels.
    [InlineData("ACCOUNTS", "ACCOUNTS")]
    [InlineData("Accounts payable", "Accounts payable")]
    [InlineData("a//b", "a//b")]
    [InlineData("a/+/b", "a//b")]
    [InlineData("/", "/")]
    // 4.8.2: a shared subscription matches as its inner filter.
    [InlineData("$share/consumer1/sport/tennis/+", "sport/tennis/player1")]
    [InlineData("$share/g/#", "espresense/rooms/kitchen")]
    public void Matches_SpecExamplesThatMatch_ReturnsTrue(string filter, string topic) =>
        Assert.True(MqttTopicFilter.Matches(filter, topic));

    [Theory]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking")]
    [InlineData("sport/+", "sport")]
    [InlineData("+", "/finance")]
    // 4.7.2: wildcards at the first level never match topics starting with $.
    [InlineData("#", "$SYS/broker/clients")]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients")]
    [InlineData("ACCOUNTS", "Accounts")]
    [InlineData("sport/tennis", "sport/tennis/player1")]
    [InlineData("sport/tennis/player1", "sport/tennis")]
    [InlineData("a/b", "a//b")]
    [InlineData("$share/g/sport/+", "sport")]
    public void Matches_SpecExamplesThatDoNotMatch_ReturnsFalse(string filter, string topic) =>
        Assert.False(MqttTopicFilter.Matches(filter, topic));

    [Theory]
    [InlineData("#")]
    [InlineData("sport/tennis/#")]
    [InlineData("+")]
    [InlineData("+/tennis/#")]
    [InlineData("sport/+/player1")]
    [InlineData("/")]
    [InlineData("//")]
    [InlineData("$share/group/a/+/c")]
    [InlineData("$SYS/#")]
    public void ValidateFilter_ValidFilters_ReturnsNull(string filter) =>
        Assert.Null(MqttTopicFilter.ValidateFilter(filter));

    [Theory]
    [InlineData("", "at least one character")]
    [InlineData("sport/tennis#", "'#'")]
    [InlineData("sport/tennis/#/ranking", "'#'")]
    [InlineData("sport+", "'+'")]
    [InlineData("sport/+tennis", "'+'")]
    [InlineData("a\0b", "null character")]
    [InlineData("$share/", "share name")]
    [InlineData("$share//a", "share name")]
    [InlineData("$share/group", "share name")]
    [InlineData("$share/group/", "empty topic filter")]
    [InlineData("$share/gr+up/a", "must not contain")]
    public void ValidateFilter_InvalidFilters_SaysWhy(string filter, string expected)
    {
        var error = MqttTopicFilter.ValidateFilter(filter);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "at least one character")]
    [InlineData("sport/+", "wildcard")]
    [InlineData("sport/#", "wildcard")]
    [InlineData("a\0", "null character")]
    public void ValidateTopicName_InvalidNames_SaysWhy(string topic, string expected)
    {
        var error = MqttTopicFilter.ValidateTopicName(topic);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateTopicName_UnpairedSurrogate_SaysNotUtf8()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate (it is replaced by U+FFFD).
        var topic = "store/" + (char)0xD800;
        Assert.Contains("UTF-8", MqttTopicFilter.ValidateTopicName(topic), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateTopicName_65535And65536Bytes_AcceptsTheFirstRefusesTheSecond()
    {
        Assert.Null(MqttTopicFilter.ValidateTopicName(new string('a', 65535)));
        Assert.Contains("at most 65535 bytes", MqttTopicFilter.ValidateTopicName(new string('a', 65536)), StringComparison.Ordinal);

        // The limit is in UTF-8 bytes, not characters: 21,846 three-byte characters are 65,538 bytes.
        Assert.NotNull(MqttTopicFilter.ValidateTopicName(new string('€', 21846)));
    }

    [Theory]
    [InlineData("sport/#/x", "sport")]
    [InlineData("sport", "sport/+")]
    public void Matches_InvalidInput_ThrowsArgumentException(string filter, string topic) =>
        Assert.Throws<ArgumentException>(() => MqttTopicFilter.Matches(filter, topic));
}
