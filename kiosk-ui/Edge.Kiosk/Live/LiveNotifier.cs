using Microsoft.AspNetCore.SignalR;

namespace Edge.Kiosk.Live;

/// <summary>The few things the server tells open kiosk pages; method names are what kiosk.js listens for.</summary>
internal sealed class LiveNotifier(IHubContext<KioskHub> hub)
{
    /// <summary>The proximity greeting changed: pages on the attract screen fetch /fragments/greeting.</summary>
    public Task GreetingChangedAsync(CancellationToken ct) => hub.Clients.All.SendAsync("greeting", ct);

    /// <summary>The session was logged out (idle or elsewhere): the page goes back to attract mode.</summary>
    public Task LoggedOutAsync(string sessionId, CancellationToken ct) => hub.Clients.Group(KioskHub.GroupOf(sessionId)).SendAsync("logout", ct);

    /// <summary>Send one session's page somewhere (QR pairing confirmed -> the member page).</summary>
    public Task NavigateAsync(string sessionId, string path, CancellationToken ct) => hub.Clients.Group(KioskHub.GroupOf(sessionId)).SendAsync("navigate", path, ct);

    /// <summary>Staff asked every screen to reload (new deployment, stuck page).</summary>
    public Task ReloadAllAsync(CancellationToken ct) => hub.Clients.All.SendAsync("reload", ct);
}
