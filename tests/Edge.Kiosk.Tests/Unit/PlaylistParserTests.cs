using System.Text;
using Edge.Kiosk.Signage;

namespace Edge.Kiosk.Tests.Unit;

public sealed class PlaylistParserTests
{
    private const string Dayparts = """ "dayparts": [ { "name": "breakfast", "start": "06:00:00", "end": "10:30:00" }, { "name": "late", "start": "22:00:00", "end": "02:00:00" } ] """;

    [Theory]
    [InlineData("not json", "not valid playlist JSON")]
    [InlineData("{}", "no 'items'")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "../etc/passwd", "durationSeconds": 5, "title": "t" } ] }""", "plain file name")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a/b.png", "durationSeconds": 5, "title": "t" } ] }""", "plain file name")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 0, "title": "t" } ] }""", "durationSeconds")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "" } ] }""", "title is required")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "t" }, { "id": "a", "kind": "image", "asset": "b.png", "durationSeconds": 5, "title": "t" } ] }""", "used twice")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "hologram", "asset": "a.png", "durationSeconds": 5, "title": "t" } ] }""", "not valid playlist JSON")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "t", "dayparts": ["brunch"] } ] }""", "daypart 'brunch' is not defined")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "t", "days": ["someday"] } ] }""", "day 'someday'")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "t", "sourceUrl": "file:///etc/passwd" } ] }""", "absolute http(s) URL")]
    [InlineData("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "t", "sha256": "abc" } ] }""", "64 hex digits")]
    public void Parse_BadPlaylist_IsRefusedWithAReason(string json, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => PlaylistParser.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsScheduled_DaypartsDaysAndWindow_FollowTheStoreLocalTime()
    {
        var playlist = PlaylistParser.Parse(Encoding.UTF8.GetBytes($$"""
            { {{Dayparts}}, "items": [
              { "id": "breakfast", "kind": "image", "asset": "b.png", "durationSeconds": 5, "title": "t", "dayparts": ["breakfast"] },
              { "id": "late", "kind": "video", "asset": "l.mp4", "durationSeconds": 5, "title": "t", "dayparts": ["late"] },
              { "id": "weekend", "kind": "html", "asset": "w.html", "durationSeconds": 5, "title": "t", "days": ["sat", "sun"] },
              { "id": "december", "kind": "image", "asset": "d.png", "durationSeconds": 5, "title": "t", "from": "2026-12-01T00:00:00+01:00", "until": "2027-01-01T00:00:00+01:00" }
            ] }
            """));
        var byId = playlist.Items.ToDictionary(i => i.Id);
        var monday0800 = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(1));

        Assert.True(PlaylistParser.IsScheduled(playlist, byId["breakfast"], monday0800));
        Assert.False(PlaylistParser.IsScheduled(playlist, byId["breakfast"], monday0800.AddHours(3)));
        Assert.True(PlaylistParser.IsScheduled(playlist, byId["late"], monday0800.AddHours(17)), "01:00 is inside 22:00-02:00 (wraps midnight)");
        Assert.False(PlaylistParser.IsScheduled(playlist, byId["late"], monday0800.AddHours(10)));
        Assert.False(PlaylistParser.IsScheduled(playlist, byId["weekend"], monday0800));
        Assert.True(PlaylistParser.IsScheduled(playlist, byId["weekend"], monday0800.AddDays(5)));
        Assert.False(PlaylistParser.IsScheduled(playlist, byId["december"], monday0800));
        Assert.True(PlaylistParser.IsScheduled(playlist, byId["december"], monday0800.AddDays(10)));
        Assert.False(PlaylistParser.IsScheduled(playlist, byId["december"], new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(1))), "until is exclusive");
    }
}
