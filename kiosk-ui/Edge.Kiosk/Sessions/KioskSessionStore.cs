using System.Collections.Concurrent;
using System.Security.Cryptography;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Sessions;

/// <summary>
/// All open kiosk sessions (one per browser cookie). Sessions with nobody logged in are dropped after the idle
/// timeout too, so a browser that never returns costs nothing; the count is bounded by <see cref="MaxSessions"/>.
/// </summary>
internal sealed class KioskSessionStore(IOptions<KioskOptions> options, TimeProvider time)
{
    public const string Cookie = "kiosk-sid";

    // A hub drives one or two screens; anything far above that is a misbehaving client, not a shopper.
    public const int MaxSessions = 256;

    private readonly ConcurrentDictionary<string, KioskSession> _sessions = new(StringComparer.Ordinal);

    public int Count => _sessions.Count;

    public KioskSession GetOrCreate(string? id)
    {
        if (id is not null && _sessions.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (_sessions.Count >= MaxSessions)
        {
            var oldest = _sessions.Values.Where(s => !s.IsLoggedIn).OrderBy(s => s.LastActivity).FirstOrDefault()
                ?? _sessions.Values.OrderBy(s => s.LastActivity).First();
            _sessions.TryRemove(oldest.Id, out _);
        }

        var session = new KioskSession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), options.Value.DefaultLanguage, time.GetUtcNow());
        _sessions[session.Id] = session;
        return session;
    }

    public KioskSession? Find(string? id) => id is not null && _sessions.TryGetValue(id, out var s) ? s : null;

    public bool Remove(string id) => _sessions.TryRemove(id, out _);

    public IReadOnlyList<KioskSession> Snapshot() => [.. _sessions.Values];
}
