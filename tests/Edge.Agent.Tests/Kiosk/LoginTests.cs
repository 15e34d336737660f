using Edge.Contracts.Members;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Agent.Sessions;
using Edge.Contracts;
using Edge.Contracts.Agent;
using Edge.Contracts.Presence;
using Edge.TestKit;

namespace Edge.Agent.Tests.Kiosk;

public sealed class LoginTests
{
    private static AgentApiJsonContext J => KioskHarness.Json;

    [RequiresMosquittoFact]
    public async Task LoginPhone_FormattedNumberRightPin_SessionWithExpiryAndSummary()
    {
        await using var h = await KioskHarness.StartAsync();
        await h.AddMemberAsync(1, "m-ada", "Ada", KioskHarness.Phone);
        var sessionsTopic = LocalTopics.OutboxFor(OutboxStreams.KioskSessions);
        await using var outbox = await Support.BusProbe.ConnectAsync(h.Broker, sessionsTopic);

        var login = await h.LoginPhoneAsync("+47 123-45 678");

        Assert.Equal(h.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), login.ExpiresAt);
        Assert.Equal("m-ada", login.Member.MemberId);
        Assert.Equal("Ada", login.Member.FirstName);
        Assert.Equal(120, login.Member.Points);
        Assert.True(login.SessionId.Length >= 40);
        var summary = await h.Kiosk.GetFromJsonAsync(AgentRoutes.SessionFor(login.SessionId), J.MemberSummary);
        Assert.Equal("gold", summary!.Tier);
        Assert.Equal(1, h.Agent.Counters.Get("login.succeeded.phone"));

        // HQ's kiosk-session count: the kiosk and the method, no member id and never the session id (a bearer secret).
        var started = JsonDocument.Parse((await outbox.NextAsync(sessionsTopic, TimeSpan.FromSeconds(10))).Payload).RootElement;
        Assert.StartsWith("kiosk-session:", started.GetProperty("messageId").GetString(), StringComparison.Ordinal);
        Assert.Equal(KioskHarness.KioskId, started.GetProperty("body").GetProperty("kioskId").GetString());
        Assert.Equal(LoginMethod.Phone, started.GetProperty("body").GetProperty("method").GetString());
        Assert.DoesNotContain("m-ada", started.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(login.SessionId, started.GetRawText(), StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task LoginProximity_SensedInKioskZone_Ok_ElsewhereOrUnknownKioskOrWrongPin_SameLoginFailed()
    {
        await using var h = await KioskHarness.StartAsync();
        await h.AddMemberAsync(1, "m-here");
        await h.AddMemberAsync(2, "m-away");
        await h.AddMemberAsync(3, "m-gone");
        await SenseAsync(h, new MemberEntered("p-1", "m-here", KioskHarness.Zone, 0.9, h.Clock.GetUtcNow(), 1.0));
        await SenseAsync(h, new MemberEntered("p-2", "m-away", "dairy", 0.9, h.Clock.GetUtcNow(), 1.0));
        await SenseAsync(h, new MemberEntered("p-3", "m-gone", KioskHarness.Zone, 0.9, h.Clock.GetUtcNow(), 1.0));
        await SenseAsync(h, new MemberLeft("p-4", "m-gone", KioskHarness.Zone, 0.9, h.Clock.GetUtcNow().AddSeconds(1), h.Clock.GetUtcNow()));

        var ok = await ProximityAsync(h, KioskHarness.KioskId, "m-here", Support.Members.Pin);
        var failures = new[]
        {
            await ProximityAsync(h, KioskHarness.KioskId, "m-away", Support.Members.Pin), // sensed in another zone
            await ProximityAsync(h, KioskHarness.KioskId, "m-gone", Support.Members.Pin), // left the zone
            await ProximityAsync(h, "kiosk-9", "m-here", Support.Members.Pin), // a kiosk with no zone configured
            await ProximityAsync(h, KioskHarness.KioskId, "m-here", "0000"), // wrong PIN
            await ProximityAsync(h, KioskHarness.KioskId, "m-nobody", Support.Members.Pin), // unknown member
        };

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.All(failures, f => Assert.Equal((HttpStatusCode.Unauthorized, "login_failed"), (f.Status, f.Code)));
        Assert.Single(failures.Select(f => f.Body).Distinct()); // no enumeration: byte-identical answers

        h.Clock.Advance(TimeSpan.FromMinutes(6)); // beyond the proximity window
        Assert.Equal(HttpStatusCode.Unauthorized, (await ProximityAsync(h, KioskHarness.KioskId, "m-here", Support.Members.Pin)).Status);
    }

    [RequiresMosquittoFact]
    public async Task LoginQr_TokenOfCurrentWindow_OnceOnly_ForgedOldOrReplayedRefused()
    {
        // 09:01 on the fake clock: one minute into a 10-minute window.
        await using var h = await KioskHarness.StartAsync(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero)));
        await h.AddMemberAsync(1, "m-qr");
        var key = Support.Members.KeyOf("m-qr");
        var window = QrPairingToken.WindowOf(h.Clock.GetUtcNow());

        var first = await QrAsync(h, QrPairingToken.Create("m-qr", key, window));
        var replay = await QrAsync(h, QrPairingToken.Create("m-qr", key, window));
        var previousWindowInGrace = await QrAsync(h, QrPairingToken.Create("m-qr", key, window - 1));
        var twoWindowsOld = await QrAsync(h, QrPairingToken.Create("m-qr", key, window - 2));
        var forged = await QrAsync(h, QrPairingToken.Create("m-qr", new byte[16], window));
        var otherMembersKey = await QrAsync(h, "m-qr." + window + "." + QrPairingToken.Code(Support.Members.KeyOf("m-other"), window));
        var garbage = await QrAsync(h, "not-a-token");
        h.Clock.Advance(TimeSpan.FromMinutes(2)); // 09:03: past the 2-minute grace for the previous window
        var previousWindowLate = await QrAsync(h, QrPairingToken.Create("m-qr", key, window - 1));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, previousWindowInGrace.Status);
        Assert.All(new[] { replay, twoWindowsOld, forged, otherMembersKey, garbage, previousWindowLate }, r => Assert.Equal((HttpStatusCode.Unauthorized, "login_failed"), (r.Status, r.Code)));
        Assert.Equal(2, h.Scalar("SELECT count(*) FROM qr_tokens_used WHERE kiosk_id = $1;", KioskHarness.KioskId));
    }

    [RequiresMosquittoFact]
    public async Task LoginPin_RepeatedWrongPins_LockedPerMemberAcrossKiosksAndPerKiosk_UntilTheWindowPasses()
    {
        await using var h = await KioskHarness.StartAsync(new Dictionary<string, string>
        {
            ["EdgeAgent:Login:MaxWrongPinsPerMember"] = "3",
            ["EdgeAgent:Login:MaxWrongPinsPerKiosk"] = "5",
            ["EdgeAgent:Login:LockoutDuration"] = "00:05:00",
        });
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);
        await h.AddMemberAsync(2, "m-bo", phone: "+4799999999");

        // Per member: three wrong PINs from three kiosks lock the member everywhere, even with the right PIN.
        foreach (var kiosk in new[] { "kiosk-1", "kiosk-2", "kiosk-3" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PhoneAsync(h, kiosk, KioskHarness.Phone, "9999")).Status);
        }

        var lockedMember = await PhoneAsync(h, "kiosk-4", KioskHarness.Phone, Support.Members.Pin);
        Assert.Equal((HttpStatusCode.Unauthorized, "login_failed"), (lockedMember.Status, lockedMember.Code));
        Assert.Equal(HttpStatusCode.OK, (await PhoneAsync(h, "kiosk-4", "+4799999999", Support.Members.Pin)).Status); // Bo is not locked

        // Per kiosk: five failures on kiosk-5 for numbers nobody has lock that kiosk for everyone.
        for (var i = 0; i < 5; i++)
        {
            await PhoneAsync(h, "kiosk-5", "+4711111" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture), Support.Members.Pin);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await PhoneAsync(h, "kiosk-5", "+4799999999", Support.Members.Pin)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PhoneAsync(h, "kiosk-6", "+4799999999", Support.Members.Pin)).Status);
        Assert.Equal(2, h.Agent.Counters.Get("login.locked_out"));

        h.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await PhoneAsync(h, "kiosk-4", KioskHarness.Phone, Support.Members.Pin)).Status);
        Assert.Equal(HttpStatusCode.OK, (await PhoneAsync(h, "kiosk-5", "+4799999999", Support.Members.Pin)).Status);
    }

    [RequiresMosquittoFact]
    public async Task Login_BadInput_400WithReasonAndCounted()
    {
        await using var h = await KioskHarness.StartAsync();
        var tried = new List<(string Route, HttpContent Body, string Code)>
        {
            (AgentRoutes.LoginPhone, Json(new PhoneLoginRequest("kiosk-1", KioskHarness.Phone, "12a4")), "bad_pin"),
            (AgentRoutes.LoginPhone, Json(new PhoneLoginRequest("kiosk-1", KioskHarness.Phone, "12345")), "bad_pin"),
            (AgentRoutes.LoginPhone, Json(new PhoneLoginRequest("kiosk-1", KioskHarness.Phone, "")), "bad_pin"),
            (AgentRoutes.LoginPhone, Json(new PhoneLoginRequest("Kiosk 1", KioskHarness.Phone, "1234")), "bad_kiosk_id"),
            (AgentRoutes.LoginPhone, Json(new PhoneLoginRequest("kiosk-1", "12345", "1234")), "bad_phone"),
            (AgentRoutes.LoginPhone, Json(new PhoneLoginRequest("kiosk-1", "+47 1234 5678 9012 3456", "1234")), "bad_phone"),
            (AgentRoutes.LoginPhone, new StringContent("{\"kioskId\":", System.Text.Encoding.UTF8, "application/json"), "bad_request"),
            (AgentRoutes.LoginPhone, new StringContent("", System.Text.Encoding.UTF8, "application/json"), "bad_request"),
            (AgentRoutes.LoginPhone, new StringContent("[1,2]", System.Text.Encoding.UTF8, "application/json"), "bad_request"),
            (AgentRoutes.LoginPhone, new StringContent("{\"kioskId\":\"" + new string('k', 20_000) + "\"}", System.Text.Encoding.UTF8, "application/json"), "body_too_large"),
            (AgentRoutes.LoginProximity, JsonContent.Create(new ProximityLoginRequest("kiosk-1", "m ada", "1234"), J.ProximityLoginRequest), "bad_member_id"),
            (AgentRoutes.LoginProximity, JsonContent.Create(new ProximityLoginRequest("kiosk-1", new string('m', 200), "1234"), J.ProximityLoginRequest), "bad_member_id"),
            (AgentRoutes.LoginQr, JsonContent.Create(new QrLoginRequest("kiosk-1", ""), J.QrLoginRequest), "bad_pairing_token"),
            (AgentRoutes.LoginQr, JsonContent.Create(new QrLoginRequest("", "m.1.0123456789abcdef"), J.QrLoginRequest), "bad_kiosk_id"),
        };

        foreach (var (route, body, code) in tried)
        {
            using var response = await h.Kiosk.PostAsync(route, body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route} {code}: got {response.StatusCode}");
            Assert.Equal(code, (await KioskHarness.ErrorOf(response)).Code);
        }

        Assert.Equal(tried.Count, h.Agent.Counters.Get("api.bad_request"));
        Assert.Equal(3, h.Agent.Counters.Get("api.error.bad_pin"));
        Assert.Equal(0, h.Scalar("SELECT count(*) FROM login_failures;")); // bad input is not a PIN guess
    }

    [RequiresMosquittoFact]
    public async Task Session_IdleExpiryAbsoluteExpiryLogoutAndRevocation_EndTheSession()
    {
        await using var h = await KioskHarness.StartAsync();
        await h.AddMemberAsync(1, "m-ada", phone: KioskHarness.Phone);

        // Idle: 2 minutes without a call.
        var idle = await h.LoginPhoneAsync();
        h.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(HttpStatusCode.OK, (await GetSessionAsync(h, idle.SessionId)).Status);
        h.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal((HttpStatusCode.Unauthorized, "session_expired"), await GetSessionAsync(h, idle.SessionId));
        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), await GetSessionAsync(h, idle.SessionId)); // ended for good

        // Absolute: 15 minutes however active.
        var busy = await h.LoginPhoneAsync();
        for (var i = 0; i < 14; i++)
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await GetSessionAsync(h, busy.SessionId)).Status);
        }

        h.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal((HttpStatusCode.Unauthorized, "session_expired"), await GetSessionAsync(h, busy.SessionId));

        // Logout.
        var leaving = await h.LoginPhoneAsync();
        using (var logout = await h.Kiosk.DeleteAsync(AgentRoutes.SessionFor(leaving.SessionId)))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), await GetSessionAsync(h, leaving.SessionId));

        // Revocation logs the member out at once.
        var revoked = await h.LoginPhoneAsync();
        await h.Bus.PublishDeltaAsync(Support.Members.Revoke(2, "m-ada"));
        await Support.Eventually.TrueAsync(() => h.Agent.Get<Edge.Agent.Members.MemberStore>().IsRevoked("m-ada"), "revocation applied");
        Assert.Equal((HttpStatusCode.Unauthorized, "session_expired"), await GetSessionAsync(h, revoked.SessionId));
        Assert.Equal(1, h.Scalar("SELECT count(*) FROM kiosk_sessions WHERE end_reason = 'member revoked';"));

        // Unknown and malformed session ids.
        Assert.Equal((HttpStatusCode.NotFound, "session_not_found"), await GetSessionAsync(h, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_session_id"), await GetSessionAsync(h, "short"));
        Assert.Equal((HttpStatusCode.BadRequest, "bad_session_id"), await GetSessionAsync(h, "has space in it 0123456789"));
    }

    private static async Task SenseAsync(KioskHarness h, PresenceEvent presence)
    {
        var before = h.Agent.Counters.Get("presence.received");
        await h.Bus.PublishAsync(PresenceTopics.For(presence), presence, PresenceJsonContext.Default.PresenceEvent);
        await Support.Eventually.TrueAsync(() => h.Agent.Counters.Get("presence.received") > before, "presence stored");
    }

    private static HttpContent Json(PhoneLoginRequest request) => JsonContent.Create(request, J.PhoneLoginRequest);

    private static Task<(HttpStatusCode Status, string? Code, string Body)> ProximityAsync(KioskHarness h, string kiosk, string member, string pin) =>
        SendAsync(h, AgentRoutes.LoginProximity, JsonContent.Create(new ProximityLoginRequest(kiosk, member, pin), J.ProximityLoginRequest));

    private static Task<(HttpStatusCode Status, string? Code, string Body)> PhoneAsync(KioskHarness h, string kiosk, string phone, string pin) =>
        SendAsync(h, AgentRoutes.LoginPhone, Json(new PhoneLoginRequest(kiosk, phone, pin)));

    private static Task<(HttpStatusCode Status, string? Code, string Body)> QrAsync(KioskHarness h, string token) =>
        SendAsync(h, AgentRoutes.LoginQr, JsonContent.Create(new QrLoginRequest(KioskHarness.KioskId, token), J.QrLoginRequest));

    private static async Task<(HttpStatusCode Status, string? Code, string Body)> SendAsync(KioskHarness h, string route, HttpContent body)
    {
        using var response = await h.Kiosk.PostAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        var code = response.IsSuccessStatusCode ? null : System.Text.Json.JsonSerializer.Deserialize(text, J.ApiError)?.Code;
        return (response.StatusCode, code, text);
    }

    private static async Task<(HttpStatusCode Status, string? Code)> GetSessionAsync(KioskHarness h, string sessionId)
    {
        using var response = await h.Kiosk.GetAsync(AgentRoutes.SessionFor(sessionId));
        return (response.StatusCode, response.IsSuccessStatusCode ? null : (await KioskHarness.ErrorOf(response)).Code);
    }
}
