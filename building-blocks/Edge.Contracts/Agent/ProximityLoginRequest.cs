namespace Edge.Contracts.Agent;

/// <summary>Login of the member whose phone the kiosk's zone recognised (member id from the presence event), confirmed by PIN.</summary>
public sealed record ProximityLoginRequest(string KioskId, string MemberId, string Pin);
