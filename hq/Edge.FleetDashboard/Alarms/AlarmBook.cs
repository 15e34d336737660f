namespace Edge.FleetDashboard.Alarms;

/// <summary>
/// Alarms per store, raised and cleared by evaluating <see cref="AlarmCondition"/>s after each change of a store, and
/// acknowledged by a named person (who and when kept). A condition that stops holding clears its alarm, which stays in
/// the store's recent history (bounded). Thread-safe.
/// </summary>
internal sealed class AlarmBook(TimeProvider time)
{
    private const int RecentPerStore = 50;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Alarm>> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Alarm>> _recent = new(StringComparer.Ordinal);
    private long _nextId;

    public void Evaluate(string storeId, IEnumerable<AlarmCondition> conditions)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_active.TryGetValue(storeId, out var active))
            {
                _active[storeId] = active = new Dictionary<string, Alarm>(StringComparer.Ordinal);
            }

            var holding = new HashSet<string>(StringComparer.Ordinal);
            foreach (var c in conditions)
            {
                holding.Add(c.Key);
                if (!active.TryGetValue(c.Key, out var alarm))
                {
                    active[c.Key] = new Alarm(++_nextId, storeId, c.Key, c.Severity, c.Text, c.Level, now);
                }
                else if (alarm.Acknowledged && (c.Level > alarm.Level || c.Severity > alarm.Severity))
                {
                    // It got worse since someone acknowledged it: a new occurrence that needs a new acknowledgement.
                    Retire(storeId, alarm with { ClearedAt = now });
                    active[c.Key] = new Alarm(++_nextId, storeId, c.Key, c.Severity, c.Text, c.Level, now);
                }
                else if (alarm.Text != c.Text || alarm.Severity != c.Severity || alarm.Level != c.Level)
                {
                    active[c.Key] = alarm with { Text = c.Text, Severity = c.Severity, Level = c.Level };
                }
            }

            foreach (var gone in active.Keys.Where(k => !holding.Contains(k)).ToList())
            {
                Retire(storeId, active[gone] with { ClearedAt = now });
                active.Remove(gone);
            }
        }
    }

    /// <summary>Records that <paramref name="by"/> acknowledged the active alarm <paramref name="alarmId"/> of the store now.</summary>
    public AckOutcome Acknowledge(string storeId, long alarmId, string by)
    {
        lock (_gate)
        {
            var alarm = _active.GetValueOrDefault(storeId)?.Values.FirstOrDefault(a => a.Id == alarmId);
            if (alarm is null)
            {
                return AckOutcome.NotFound;
            }

            if (alarm.Acknowledged)
            {
                return AckOutcome.AlreadyAcknowledged;
            }

            _active[storeId][alarm.Key] = alarm with { AcknowledgedBy = by, AcknowledgedAt = time.GetUtcNow() };
            return AckOutcome.Acknowledged;
        }
    }

    /// <summary>The store's active alarms, most severe and then oldest first.</summary>
    public IReadOnlyList<Alarm> Active(string storeId)
    {
        lock (_gate)
        {
            return [.. (_active.GetValueOrDefault(storeId)?.Values.AsEnumerable() ?? []).OrderByDescending(a => a.Severity).ThenBy(a => a.RaisedAt).ThenBy(a => a.Id)];
        }
    }

    /// <summary>The store's cleared alarms, newest first.</summary>
    public IReadOnlyList<Alarm> Recent(string storeId)
    {
        lock (_gate)
        {
            return [.. _recent.GetValueOrDefault(storeId) ?? []];
        }
    }

    private void Retire(string storeId, Alarm alarm)
    {
        if (!_recent.TryGetValue(storeId, out var recent))
        {
            _recent[storeId] = recent = [];
        }

        recent.Insert(0, alarm);
        if (recent.Count > RecentPerStore)
        {
            recent.RemoveAt(recent.Count - 1);
        }
    }
}
