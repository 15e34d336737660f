using System.Net;

namespace Edge.Provisioning.Doctor;

/// <summary>GET a service's /healthz: 200 healthy (or degraded), 503 unhealthy, no answer = not serving.</summary>
internal sealed class HealthEndpointCheck(string service, Uri url, HttpClient http) : IDoctorCheck
{
    public string Name => "health " + service;

    public async Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var degraded = body.Contains("\"Degraded\"", StringComparison.OrdinalIgnoreCase);
            return response.StatusCode switch
            {
                HttpStatusCode.OK when degraded => CheckResult.Warn(Name, $"{url}: degraded", $"`edge-provision doctor --json` and `journalctl -u {service}`"),
                HttpStatusCode.OK => CheckResult.Ok(Name, $"{url}: healthy"),
                HttpStatusCode.ServiceUnavailable => CheckResult.Fail(Name, $"{url}: unhealthy", $"`curl {url}` shows which check fails; `journalctl -u {service}`"),
                var code => CheckResult.Fail(Name, $"{url}: HTTP {(int)code}", $"is {service} listening on {url.Authority}?"),
            };
        }
        catch (HttpRequestException ex)
        {
            return CheckResult.Fail(Name, $"{url}: {ex.Message}", $"`systemctl status {service}`");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckResult.Fail(Name, $"{url}: no answer within {http.Timeout.TotalSeconds:0} s", $"`systemctl status {service}`; the host may be overloaded");
        }
    }
}
