using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Edge.Kiosk.Hosting;
using Edge.Kiosk.Signage;
using Edge.Kiosk.Storage;
using Edge.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Tests.Signage;

public sealed class SignagePlayerTests : IDisposable
{
    private readonly TempDirectory _dir = new("kiosk-player");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly KioskDatabase _db;
    private readonly AssetCache _cache;
    private readonly ProofOfPlayStore _store;
    private readonly SignagePlayer _player;

    public SignagePlayerTests()
    {
        _db = new KioskDatabase(_dir.File("kiosk.db"));
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        _cache = new AssetCache(Options.Create(new SignageOptions { AssetDirectory = _dir.Sub("assets") }), http);
        _store = new ProofOfPlayStore(_db);
        _player = new SignagePlayer(_cache, _store, _clock);
    }

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Next_SkipsUncachedAndUnscheduledItems_AndWrapsAround()
    {
        File.WriteAllBytes(_cache.PathOf("a.png"), [1]);
        File.WriteAllBytes(_cache.PathOf("c.png"), [1]);
        _player.Load(PlaylistParser.Parse(Encoding.UTF8.GetBytes("""
            { "dayparts": [ { "name": "evening", "start": "17:00:00", "end": "22:00:00" } ], "items": [
              { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "A" },
              { "id": "b", "kind": "image", "asset": "b.png", "durationSeconds": 5, "title": "B (not cached)" },
              { "id": "c", "kind": "image", "asset": "c.png", "durationSeconds": 5, "title": "C" },
              { "id": "d", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "D (evening only)", "dayparts": ["evening"] }
            ] }
            """)));

        Assert.Equal("a", _player.Next(null)!.Value.Item.Id);
        Assert.Equal("c", _player.Next("a")!.Value.Item.Id);
        Assert.Equal("a", _player.Next("c")!.Value.Item.Id);
        _clock.Advance(TimeSpan.FromHours(10));
        Assert.Equal("d", _player.Next("c")!.Value.Item.Id);
    }

    [Fact]
    public void Played_OnlyAnIssuedTokenOnce_RecordsOnePlayWithItsDuration()
    {
        File.WriteAllBytes(_cache.PathOf("a.png"), [1]);
        _player.Load(PlaylistParser.Parse(Encoding.UTF8.GetBytes("""{ "items": [ { "id": "a", "kind": "image", "asset": "a.png", "durationSeconds": 5, "title": "A" } ] }""")));
        var (_, token) = _player.Next(null)!.Value;
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(_player.Played("forged-token"));
        Assert.True(_player.Played(token.Token));
        Assert.False(_player.Played(token.Token));
        var (_, record) = Assert.Single(_store.Pending(10));
        Assert.Equal(TimeSpan.FromSeconds(5), record.EndedAt - record.StartedAt);
    }

    [Fact]
    public void Next_EmptyOrNothingCached_ReturnsNullForTheWelcomeCard()
    {
        Assert.Null(_player.Next(null));
        _player.Load(PlaylistParser.Parse(Encoding.UTF8.GetBytes("""{ "items": [ { "id": "a", "kind": "image", "asset": "missing.png", "durationSeconds": 5, "title": "A" } ] }""")));
        Assert.Null(_player.Next(null));
    }

    [Fact]
    public async Task EnsureAsync_SourceWithRightAndWrongSha256_CachesOnlyTheVerifiedFile()
    {
        var content = Encoding.UTF8.GetBytes("<html lang=en><title>card</title></html>");
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        await using var server = builder.Build();
        server.MapGet("/card.html", () => Results.Bytes(content, "text/html"));
        await server.StartAsync();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/card.html";
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        var bad = await _cache.EnsureAsync(new PlaylistItem("x", SignageItemKind.Html, "bad.html", 5, "t", url, new string('0', 64)), CancellationToken.None);
        Assert.False(bad.Cached);
        Assert.Contains("SHA-256", bad.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(_cache.PathOf("bad.html")));
        Assert.False(File.Exists(_cache.PathOf("bad.html") + ".part"));

        var good = await _cache.EnsureAsync(new PlaylistItem("y", SignageItemKind.Html, "good.html", 5, "t", url, sha), CancellationToken.None);
        Assert.True(good.Cached);
        Assert.Equal(content, await File.ReadAllBytesAsync(_cache.PathOf("good.html")));

        var unreachable = await _cache.EnsureAsync(new PlaylistItem("z", SignageItemKind.Html, "z.html", 5, "t", $"http://127.0.0.1:{FreePort.Next()}/z.html"), CancellationToken.None);
        Assert.False(unreachable.Cached);
    }
}
