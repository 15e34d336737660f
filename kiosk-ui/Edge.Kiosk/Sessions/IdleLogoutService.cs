using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Sessions;

/// <summary>
/// Once a second (on the injected clock) logs out members idle for <see cref="KioskLoginOptions.IdleTimeout"/> and forgets
/// anonymous sessions idle that long, so the next shopper starts clean.
/// </summary>
internal sealed class IdleLogoutService(KioskSessionStore sessions, KioskLogout logout, IOptions<KioskLoginOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        foreach (var session in sessions.Snapshot())
        {
            if (now - session.LastActivity < options.Value.IdleTimeout)
            {
                continue;
            }

            if (session.IsLoggedIn)
            {
                await logout.LogoutAsync(session, "idle", ct);
            }
            else if (session.Language != "en" || session.HighContrast || session.PairingNonce is not null)
            {
                // Someone changed the screen and walked away: wipe it for the next shopper too.
                await logout.LogoutAsync(session, "idle (anonymous)", ct);
            }
        }
    }
}
