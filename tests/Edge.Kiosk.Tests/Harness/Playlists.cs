using Edge.TestKit;

namespace Edge.Kiosk.Tests.Harness;

/// <summary>Playlists and cached assets written into a kiosk's state folder before it starts.</summary>
public static class Playlists
{
    // A 1x1 PNG: the smallest real image chromium will decode.
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static void OneImage(TempDirectory state) => Write(state, 1, "promo");

    /// <summary>Two image slides of <paramref name="seconds"/> each.</summary>
    public static void Write(TempDirectory state, int seconds, params string[] ids)
    {
        var assets = state.Sub("assets");
        var items = ids.Select(id =>
        {
            File.WriteAllBytes(Path.Combine(assets, id + ".png"), Png);
            return $$"""{ "id": "{{id}}", "kind": "image", "asset": "{{id}}.png", "durationSeconds": {{seconds}}, "title": "Offer {{id}}" }""";
        });
        File.WriteAllText(state.File("playlist.json"), $$"""{ "items": [ {{string.Join(",", items)}} ] }""");
    }
}
