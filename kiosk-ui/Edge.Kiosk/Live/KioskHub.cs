using Edge.Kiosk.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Edge.Kiosk.Live;

/// <summary>
/// Live push to the kiosk pages (browser client @microsoft/signalr). Server to browser only: each connection joins
/// the group of its kiosk session, so a logout reaches exactly the screen it belongs to.
/// </summary>
internal sealed class KioskHub(ScreenPresence screens) : Hub
{
    public const string Path = "/live";

    public override async Task OnConnectedAsync()
    {
        var sid = Context.GetHttpContext()?.Request.Cookies[KioskSessionStore.Cookie];
        if (sid is not null)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(sid));
        }

        await screens.ScreenConnectedAsync(Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await screens.ScreenDisconnectedAsync(CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    public static string GroupOf(string sessionId) => "s:" + sessionId;
}
