using Edge.Contracts.Agent;
using Edge.Kiosk.Agent;
using Edge.Kiosk.Components;
using Edge.Kiosk.Live;
using Edge.Kiosk.Localization;
using Edge.Kiosk.Proximity;

namespace Edge.Kiosk.Sessions;

/// <summary>The common PIN login steps: lockout checks, PIN format, the agent call, counting wrong PINs, starting the member session.</summary>
internal sealed class LoginFlow(AgentClient agent, PinLockout lockout, ProximityBoard board, LiveNotifier live, TimeProvider time, ILogger<LoginFlow> logger)
{
    public async Task<IResult> LoginAsync(
        HttpContext context,
        string memberKey,
        string? pin,
        string wrongKey,
        Func<AgentClient, string, CancellationToken, Task<LoginResponse?>> login)
    {
        var session = context.KioskSession();
        var lang = session.Language;
        var now = time.GetUtcNow();
        if (lockout.KioskLockedUntil() is { } kioskUntil)
        {
            KioskLog.PinLockout(logger, "kiosk");
            return Fragment.Message(KioskText.Format(lang, "login.kioskLocked", LoginEndpoints.Minutes(kioskUntil - now)), error: true);
        }

        if (lockout.MemberLockedUntil(memberKey) is { } memberUntil)
        {
            KioskLog.PinLockout(logger, "member");
            return Fragment.Message(KioskText.Format(lang, "login.memberLocked", LoginEndpoints.Minutes(memberUntil - now)), error: true);
        }

        if (!LoginEndpoints.IsPin(pin))
        {
            return Fragment.Message(KioskText.Get(lang, "login.badPin"), error: true);
        }

        LoginResponse? response;
        try
        {
            response = await login(agent, pin!, context.RequestAborted);
        }
        catch (AgentUnavailableException)
        {
            return Fragment.Message(KioskText.Get(lang, "login.offline"), error: true);
        }

        if (response is null)
        {
            var left = lockout.Wrong(memberKey);
            return left == 0
                ? Fragment.Message(KioskText.Format(lang, "login.memberLocked", LoginEndpoints.Minutes(lockout.MemberLockedUntil(memberKey)!.Value - now)), error: true)
                : Fragment.Message(wrongKey == "login.wrongPin" ? KioskText.Format(lang, wrongKey, left) : KioskText.Get(lang, wrongKey), error: true);
        }

        lockout.Succeeded(memberKey);
        session.Login = response;
        session.LastActivity = now;
        board.Clear();
        await live.GreetingChangedAsync(context.RequestAborted);
        return Fragment.Redirect(context, "/member");
    }
}
