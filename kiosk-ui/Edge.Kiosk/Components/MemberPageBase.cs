using Edge.Contracts.Agent;
using Edge.Kiosk.Agent;
using Microsoft.AspNetCore.Components;

namespace Edge.Kiosk.Components;

/// <summary>Pages for a logged-in member: without a login they send the shopper to /login; an agent outage shows a message, not an error page.</summary>
public abstract class MemberPageBase : KioskComponentBase
{
    [Inject]
    internal AgentClient Agent { get; set; } = default!;

    [Inject]
    internal NavigationManager Navigation { get; set; } = default!;

    protected bool Offline { get; private set; }

    internal LoginResponse? Login => Session?.Login;

    protected override async Task OnInitializedAsync()
    {
        if (Login is null)
        {
            Navigation.NavigateTo("/login");
            return;
        }

        try
        {
            await LoadAsync(Login.SessionId, HttpContext?.RequestAborted ?? CancellationToken.None);
        }
        catch (AgentUnavailableException)
        {
            Offline = true;
        }
    }

    protected abstract Task LoadAsync(string agentSessionId, CancellationToken ct);
}
