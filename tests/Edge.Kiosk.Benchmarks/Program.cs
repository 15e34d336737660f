using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Edge.Contracts.Presence;
using Edge.Kiosk.Sessions;
using Edge.Kiosk.Tests.Harness;
using Edge.Messaging;
using Edge.TestKit;
using Microsoft.Playwright;

// Measures, against kiosk-ui in-process (as Program.cs builds it), a real mosquitto, the fake edge-agent and
// Debian's chromium:
//   1. tap -> personalised page: performance.measure('kiosk:tap-to-personalised') from pointerdown on "My page" to
//      the member page settled (htmx boosted navigation: server render with two edge-agent calls + swap);
//   2. proximity greeting: bus publish -> greeting visible (wall clock, includes Playwright polling) and the browser's
//      own 'kiosk:greeting-pushed' -> 'kiosk:greeting-shown';
//   3. server memory per open kiosk session: managed heap after forced GC, before and after opening sessions
//      logged in over HTTP (a live SignalR connection per screen is not included: its heap share drowned in
//      ArrayPool trimming noise, measured negative, so it is not reported).
var taps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var httpSessions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
if ((ExternalTools.MissingReason("chromium", "chromium") ?? ExternalTools.MissingReason("mosquitto", "mosquitto")) is { } missing)
{
    Console.Error.WriteLine(missing);
    return 2;
}

await using var s = await KioskScenario.StartAsync(prepare: Playlists.OneImage, settings: new Dictionary<string, string?>
{
    // Polly's timeout runs on the scenario's fake clock; advancing it must not cancel calls in flight.
    ["Kiosk:AgentTimeout"] = "00:00:30",
});
Console.WriteLine($"kiosk-ui in-process, {Environment.ProcessorCount} cores, .NET {Environment.Version}, chromium {s.Browser.Instance.Version}");

// 1. tap -> personalised page
var page = await s.NewPageAsync();
await page.GotoAsync(s.Url("/login"));
await page.Locator("#phone").FillAsync(FakeAgent.Phone);
await page.Locator("#phone-pin").FillAsync(FakeAgent.Pin);
await page.Locator("#phone-submit").ClickAsync();
await page.WaitForURLAsync(s.Url("/member"));
var myPage = page.Locator(".member-nav a[href='/member']");
for (var i = 0; i < 10; i++)
{
    await TapAsync(page, myPage); // warm-up
}

var tapTimes = new List<double>();
for (var i = 0; i < taps; i++)
{
    tapTimes.Add(await TapAsync(page, myPage));
    s.Kiosk.Clock.Advance(TimeSpan.FromSeconds(1)); // keep the fake clock moving, far from the idle timeout
}

Report("tap -> personalised page (ms)", tapTimes);

// 2. proximity greeting
var attract = await s.NewPageAsync();
await attract.GotoAsync(s.Url("/"));
await attract.WaitForFunctionAsync("() => document.documentElement.dataset.live === 'connected'");
var wall = new List<double>();
var inBrowser = new List<double>();
for (var i = 0; i < 30; i++)
{
    await attract.EvaluateAsync("() => performance.clearMarks()");
    var sw = Stopwatch.StartNew();
    await s.PublishOfferAsync();
    await attract.Locator("[data-member-greeting]").WaitForAsync();
    wall.Add(sw.Elapsed.TotalMilliseconds);
    inBrowser.Add(await attract.EvaluateAsync<double>("""
        async () => { for (let i = 0; i < 100 && !performance.getEntriesByName('kiosk:greeting-shown').length; i++) await new Promise(r => setTimeout(r, 5));
          return performance.getEntriesByName('kiosk:greeting-shown')[0].startTime - performance.getEntriesByName('kiosk:greeting-pushed')[0].startTime; }
        """));
    var left = new MemberLeft("left-" + i, FakeAgent.MemberId, "entrance", 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
    await s.Bus.PublishAsync(PresenceTopics.For(left), JsonSerializer.SerializeToUtf8Bytes<PresenceEvent>(left, PresenceJsonContext.Default.PresenceEvent));
    await attract.Locator("[data-member-greeting]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
}

Report("greeting: bus publish -> visible, wall clock incl. Playwright polling (ms)", wall);
Report("greeting: SignalR push -> fragment shown, in browser (ms)", inBrowser);

// 3. memory per open session
await page.Context.CloseAsync();
await attract.Context.CloseAsync();
s.Kiosk.Clock.Advance(TimeSpan.FromMinutes(2)); // idle sweep: start from no sessions
var store = s.Kiosk.Get<KioskSessionStore>();
var before = Heap();
var clients = new List<HttpClient>();
for (var i = 0; i < httpSessions; i++)
{
    clients.Add(await LoggedInClientAsync(s));
}

// The test's own HttpClients live in this process too: drop them first so only the server's share is counted
// (the kiosk keeps the sessions: nothing advances its clock, so no idle sweep runs).
foreach (var c in clients)
{
    c.Dispose();
}

clients.Clear();
var afterHttp = Heap();
Console.WriteLine($"logged-in sessions over HTTP: {store.Count} open, {(afterHttp - before) / (double)httpSessions / 1024:F1} KiB managed heap each");
Console.WriteLine($"process working set at the end: {Process.GetCurrentProcess().WorkingSet64 / 1024 / 1024} MiB (test process: kiosk, fake agent and harness together)");
return 0;

static async Task<double> TapAsync(IPage page, ILocator link)
{
    var count = await page.EvaluateAsync<int>("() => performance.getEntriesByName('kiosk:tap-to-personalised').length");
    await link.ClickAsync();
    await page.WaitForFunctionAsync("n => performance.getEntriesByName('kiosk:tap-to-personalised').length > n", count);
    var ms = await page.EvaluateAsync<double>("() => { const e = performance.getEntriesByName('kiosk:tap-to-personalised'); return e[e.length - 1].duration; }");
    await page.EvaluateAsync("() => { performance.clearMarks(); performance.clearMeasures(); }");
    return ms;
}

static void Report(string what, List<double> values)
{
    values.Sort();
    double P(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
    Console.WriteLine($"{what}: n={values.Count} p50={P(0.5):F1} p95={P(0.95):F1} p99={P(0.99):F1} max={values[^1]:F1}");
}

static long Heap()
{
    for (var i = 0; i < 3; i++)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    return GC.GetTotalMemory(forceFullCollection: true);
}

static async Task<HttpClient> LoggedInClientAsync(KioskScenario s)
{
    var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(s.Kiosk.Url) };
    var html = await client.GetStringAsync("/login");
    var token = Regex.Match(html, "id=\"af\" hidden><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
    using var request = new HttpRequestMessage(HttpMethod.Post, "/login/phone")
    {
        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["phone"] = FakeAgent.Phone, ["pin"] = FakeAgent.Pin }),
    };
    request.Headers.Add("RequestVerificationToken", token);
    using var response = await client.SendAsync(request);
    if (!response.Headers.TryGetValues("HX-Redirect", out var to) || to.Single() != "/member")
    {
        throw new InvalidOperationException($"login over HTTP failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    return client;
}
