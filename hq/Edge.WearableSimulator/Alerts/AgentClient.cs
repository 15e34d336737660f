using System.Net.Http.Headers;
using System.Net.Http.Json;
using Edge.Contracts.Agent;

namespace Edge.WearableSimulator.Alerts;

/// <summary>What a wearable asks of edge-agent: report the clerk's shift, and claim an alert with one tap.</summary>
internal sealed class AgentClient(HttpClient http)
{
    public static void Configure(HttpClient http, string agentUrl, string? token)
    {
        http.BaseAddress = new Uri(agentUrl);
        http.Timeout = TimeSpan.FromSeconds(5);
        if (!string.IsNullOrEmpty(token))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public async Task ReportOnShiftAsync(string clerkId, string zone, CancellationToken cancellationToken)
    {
        using var response = await http.PutAsJsonAsync(
            AgentRoutes.ClerkStatusFor(clerkId), new ClerkStatusRequest(true, false, zone), AgentApiJsonContext.Default.ClerkStatusRequest, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The agent's answer (200 claimed, 409 claimed by someone else or closed); null when it could not be reached or refused the request.</summary>
    public async Task<ClaimAlertResponse?> ClaimAsync(string alertId, string clerkId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(
                AgentRoutes.ClaimAlertFor(alertId), new ClaimAlertRequest(clerkId), AgentApiJsonContext.Default.ClaimAlertRequest, cancellationToken).ConfigureAwait(false);
            // 409: someone else was first (or the alert closed); edge-agent still answers with a ClaimAlertResponse naming the winner.
            return response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Conflict
                ? await response.Content.ReadFromJsonAsync(AgentApiJsonContext.Default.ClaimAlertResponse, cancellationToken).ConfigureAwait(false)
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
