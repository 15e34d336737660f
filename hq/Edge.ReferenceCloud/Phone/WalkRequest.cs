namespace Edge.ReferenceCloud.Phone;

/// <summary>Walk a member's phone into <see cref="Zone"/> (a zone id of the store's zones.json) for <see cref="Seconds"/>.</summary>
internal sealed record WalkRequest(string? Zone, int Seconds = 30);
