using System.Collections.Concurrent;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Sessions;

/// <summary>
/// Counts wrong PINs per member (or per phone number typed) and per kiosk within <see cref="KioskLoginOptions.LockoutDuration"/>.
/// A member over the limit is locked on this kiosk; a kiosk over its limit pauses PIN login for everyone (someone is
/// guessing). A correct PIN clears the member's count, not the kiosk's.
/// </summary>
internal sealed class PinLockout(IOptions<KioskLoginOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _byMember = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> _kiosk = [];

    /// <summary>When PIN login opens again for this member, or null when it is open now.</summary>
    public DateTimeOffset? MemberLockedUntil(string memberKey) => LockedUntil(_byMember.GetOrAdd(memberKey, _ => []), options.Value.MaxWrongPinsPerMember);

    public DateTimeOffset? KioskLockedUntil() => LockedUntil(_kiosk, options.Value.MaxWrongPinsPerKiosk);

    /// <summary>Records a wrong PIN; returns the tries left for this member (0 = now locked).</summary>
    public int Wrong(string memberKey)
    {
        var now = time.GetUtcNow();
        var list = _byMember.GetOrAdd(memberKey, _ => []);
        lock (list)
        {
            list.Add(now);
        }

        lock (_kiosk)
        {
            _kiosk.Add(now);
        }

        return Math.Max(0, options.Value.MaxWrongPinsPerMember - Recent(list).Count);
    }

    public void Succeeded(string memberKey) => _byMember.TryRemove(memberKey, out _);

    private DateTimeOffset? LockedUntil(List<DateTimeOffset> failures, int limit)
    {
        var recent = Recent(failures);
        return recent.Count >= limit ? recent[^limit] + options.Value.LockoutDuration : null;
    }

    private List<DateTimeOffset> Recent(List<DateTimeOffset> failures)
    {
        var since = time.GetUtcNow() - options.Value.LockoutDuration;
        lock (failures)
        {
            failures.RemoveAll(t => t <= since);
            return [.. failures];
        }
    }
}
