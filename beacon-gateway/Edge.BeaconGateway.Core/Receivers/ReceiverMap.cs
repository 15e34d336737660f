namespace Edge.BeaconGateway.Receivers;

/// <summary>Receivers and the zones they belong to, by dense index (the presence state is arrays indexed by these).</summary>
public sealed class ReceiverMap
{
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);

    public ReceiverMap(IReadOnlyList<ReceiverOptions> receivers)
    {
        ArgumentNullException.ThrowIfNull(receivers);
        if (receivers.Count == 0)
        {
            throw new ArgumentException("At least one receiver (zone) must be configured.", nameof(receivers));
        }

        var zones = new List<string>();
        ZoneOfReceiver = new int[receivers.Count];
        OffsetOfReceiver = new float[receivers.Count];
        for (var i = 0; i < receivers.Count; i++)
        {
            var r = receivers[i];
            if (string.IsNullOrWhiteSpace(r.Id) || string.IsNullOrWhiteSpace(r.Zone))
            {
                throw new ArgumentException($"Receiver #{i} needs an Id and a Zone.", nameof(receivers));
            }

            if (!_byId.TryAdd(r.Id, i))
            {
                throw new ArgumentException($"Receiver id '{r.Id}' is configured twice.", nameof(receivers));
            }

            var zone = zones.IndexOf(r.Zone);
            if (zone < 0)
            {
                zones.Add(r.Zone);
                zone = zones.Count - 1;
            }

            ZoneOfReceiver[i] = zone;
            OffsetOfReceiver[i] = (float)r.RssiOffsetDb;
        }

        ReceiverIds = receivers.Select(r => r.Id).ToArray();
        Zones = zones;
    }

    public IReadOnlyList<string> ReceiverIds { get; }

    public IReadOnlyList<string> Zones { get; }

    public int[] ZoneOfReceiver { get; }

    public float[] OffsetOfReceiver { get; }

    public int Count => ReceiverIds.Count;

    public bool TryGetIndex(string receiverId, out int index) => _byId.TryGetValue(receiverId, out index);
}
