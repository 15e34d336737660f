using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Edge.Kiosk.Signage;

/// <summary>
/// Picks the next slide: the next item in playlist order that is scheduled now and whose asset is cached. Each slide
/// shown gets a one-time token; the browser returns it when the slide ends, and only then is the play recorded.
/// </summary>
internal sealed class SignagePlayer(AssetCache cache, ProofOfPlayStore proofOfPlay, TimeProvider time)
{
    // Bounded: a browser that never reports back (crash, reload) cannot grow this; the oldest showing is forgotten.
    private const int MaxOpenShowings = 64;

    private readonly ConcurrentDictionary<string, PlayToken> _showing = new(StringComparer.Ordinal);
    private volatile Playlist _playlist = Playlist.Empty;

    public Playlist Current => _playlist;

    public void Load(Playlist playlist) => _playlist = playlist;

    /// <summary>The slide after <paramref name="afterItemId"/>, or null when nothing is scheduled (the page shows the welcome card).</summary>
    public (PlaylistItem Item, PlayToken Token)? Next(string? afterItemId)
    {
        var playlist = _playlist;
        var items = playlist.Items;
        if (items.Count == 0)
        {
            return null;
        }

        var start = 0;
        if (afterItemId is not null)
        {
            var index = items.ToList().FindIndex(i => i.Id == afterItemId);
            start = index < 0 ? 0 : index + 1;
        }

        var localNow = time.GetLocalNow();
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[(start + n) % items.Count];
            if (PlaylistParser.IsScheduled(playlist, item, localNow) && cache.Has(item.Asset))
            {
                var token = new PlayToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)), item.Id, time.GetUtcNow());
                Remember(token);
                return (item, token);
            }
        }

        return null;
    }

    /// <summary>The browser finished showing a slide: record it durably. Unknown or reused tokens are ignored (false).</summary>
    public bool Played(string token)
    {
        if (!_showing.TryRemove(token, out var showing))
        {
            return false;
        }

        proofOfPlay.Append(new ProofOfPlayRecord(showing.Token, showing.ItemId, showing.StartedAt, time.GetUtcNow()));
        return true;
    }

    public PlaylistItem? Find(string itemId) => _playlist.Items.FirstOrDefault(i => i.Id == itemId);

    private void Remember(PlayToken token)
    {
        _showing[token.Token] = token;
        if (_showing.Count > MaxOpenShowings)
        {
            var oldest = _showing.Values.OrderBy(t => t.StartedAt).First();
            _showing.TryRemove(oldest.Token, out _);
        }
    }
}
