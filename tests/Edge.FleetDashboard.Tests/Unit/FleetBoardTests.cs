using Edge.FleetDashboard.Alarms;
using Edge.FleetDashboard.Fleet;
using Edge.FleetDashboard.Hosting;
using Edge.Sparkplug;
using Edge.Sparkplug.Protobuf;
using Edge.TestKit;
using Google.Protobuf;
using static Edge.FleetDashboard.Tests.Harness.SimulatedEdgeNode;

namespace Edge.FleetDashboard.Tests.Unit;

/// <summary>The host's Sparkplug state machine on a fake clock, without a broker (message order is the test's).</summary>
public sealed class FleetBoardTests
{
    private const string Group = "g";
    private readonly FakeTimeProvider _clock = new();
    private readonly FleetBoard _board;

    public FleetBoardTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new FleetDashboardOptions { Group = Group, HistoryPoints = 10 });
        _board = new FleetBoard(options, new AlarmBook(_clock), _clock);
    }

    [Fact]
    public void Apply_SeqWrapsFrom255To0_NoGap()
    {
        Birth("s", 1);
        for (ulong seq = 1; seq <= 260; seq++)
        {
            Assert.Equal(ApplyOutcome.Applied, Data("s", seq % 256, Long("Presence/Members Present", (long)seq)).Outcome);
        }

        Assert.Equal(0, _board.Store("s")!.SeqGaps);
        Assert.Equal(10, _board.History("s", "Presence/Members Present").Count); // bounded to HistoryPoints
        Assert.Equal(260, _board.History("s", "Presence/Members Present")[^1].Value);
    }

    [Fact]
    public void Apply_NDataWithAliasOnly_FiledUnderTheBirthName()
    {
        var metric = Long("Presence/Members Present", 1);
        metric.Alias = 42;
        Apply("NBIRTH", "s", 0, Long(SparkplugTopics.BdSeq, 3), metric);
        var aliased = new Payload.Types.Metric { Alias = 42, LongValue = 9 };

        Data("s", 1, aliased);

        Assert.Equal(9, _board.Store("s")!.Number("Presence/Members Present"));
    }

    [Fact]
    public void Apply_DeathOfAnUnknownNodeOrWithoutBdSeq_IgnoredOrRefused()
    {
        var unknown = Apply("NDEATH", "never", null, Long(SparkplugTopics.BdSeq, 1));
        Birth("s", 1);
        var noBdSeq = Apply("NDEATH", "s", null);

        Assert.Equal(ApplyOutcome.Ignored, unknown.Outcome);
        Assert.Equal(ApplyOutcome.Refused, noBdSeq.Outcome);
        Assert.Null(_board.Store("never"));
        Assert.True(_board.Store("s")!.Online);
    }

    [Theory]
    [InlineData("spBv1.0/g/NBIRTH", "not spBv1.0")]
    [InlineData("spBv1.0/other/NBIRTH/s", "is not the watched group")]
    [InlineData("spBv1.0/g/DBIRTH/s", "is not a Sparkplug node message type")]
    [InlineData("spAv1.0/g/NBIRTH/s", "not spBv1.0")]
    [InlineData("spBv1.0/g/NBIRTH/s/d/x", "not spBv1.0")]
    public void Apply_BadTopic_RefusedWithTheReason(string topic, string reason)
    {
        var result = _board.Apply(topic, new Payload { Seq = 0, Metrics = { Long(SparkplugTopics.BdSeq, 0) } }.ToByteArray());

        Assert.Equal(ApplyOutcome.Refused, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _board.Refused);
    }

    [Fact]
    public void Apply_NewBirth_DevicesOfTheOldSessionOfflineUntilBornAgain()
    {
        Birth("s", 1);
        _board.Apply("spBv1.0/g/DBIRTH/s/kiosk-k1", new Payload { Seq = 1, Metrics = { Text("Status", "idle") } }.ToByteArray());

        Birth("s", 2);

        Assert.False(_board.Store("s")!.Devices.Single().Online);
    }

    [Fact]
    public void Evaluate_CounterGrowsAfterAcknowledgement_ReopensAsANewAlarm()
    {
        var alarms = new AlarmBook(_clock);
        alarms.Evaluate("s", [new AlarmCondition("Alarms/Upstream Refused", AlarmSeverity.Warning, "Upstream Refused: 1", 1)]);
        var first = alarms.Active("s").Single();
        Assert.Equal(AckOutcome.Acknowledged, alarms.Acknowledge("s", first.Id, "Ola"));
        Assert.Equal(AckOutcome.AlreadyAcknowledged, alarms.Acknowledge("s", first.Id, "Kari"));

        alarms.Evaluate("s", [new AlarmCondition("Alarms/Upstream Refused", AlarmSeverity.Warning, "Upstream Refused: 1", 1)]);
        Assert.Equal(first.Id, alarms.Active("s").Single().Id);
        _clock.Advance(TimeSpan.FromMinutes(1));
        alarms.Evaluate("s", [new AlarmCondition("Alarms/Upstream Refused", AlarmSeverity.Warning, "Upstream Refused: 4", 4)]);

        var reopened = alarms.Active("s").Single();
        Assert.NotEqual(first.Id, reopened.Id);
        Assert.False(reopened.Acknowledged);
        Assert.Equal("Ola", alarms.Recent("s").Single().AcknowledgedBy);
        Assert.Equal(AckOutcome.NotFound, alarms.Acknowledge("s", first.Id, "Kari"));
    }

    [Fact]
    public void AlarmRules_CertificateDaysLeft_WarningThenCritical()
    {
        var options = new FleetDashboardOptions();
        Birth("s", 1, Double("Certificate/Days Left", 20));
        var warning = AlarmRules.For(_board.Store("s")!, options).Single(c => c.Key == "certificate");
        Data("s", 1, Double("Certificate/Days Left", 3));
        var critical = AlarmRules.For(_board.Store("s")!, options).Single(c => c.Key == "certificate");

        Assert.Equal((AlarmSeverity.Warning, AlarmSeverity.Critical), (warning.Severity, critical.Severity));
    }

    private void Birth(string node, long bdSeq, params Payload.Types.Metric[] metrics) =>
        Assert.Equal(ApplyOutcome.Applied, Apply("NBIRTH", node, 0, [Long(SparkplugTopics.BdSeq, bdSeq), .. metrics]).Outcome);

    private ApplyResult Data(string node, ulong seq, params Payload.Types.Metric[] metrics) => Apply("NDATA", node, seq, metrics);

    private ApplyResult Apply(string type, string node, ulong? seq, params Payload.Types.Metric[] metrics)
    {
        var payload = new Payload { Timestamp = (ulong)_clock.GetUtcNow().ToUnixTimeMilliseconds() };
        if (seq is { } s)
        {
            payload.Seq = s;
        }

        payload.Metrics.Add(metrics);
        return _board.Apply($"spBv1.0/{Group}/{type}/{node}", payload.ToByteArray());
    }
}
