using Edge.Agent.Bus;
using Edge.Agent.Members;
using Edge.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Edge.Agent.Alerts;

internal static class AlertsExtensions
{
    /// <summary>Staff alerts: help rules, routing to clerks' wearables, claim, escalation, withdrawal, hourly aggregate. Call after AddMembers.</summary>
    public static IHostApplicationBuilder AddStaffAlerts(this IHostApplicationBuilder builder)
    {
        builder.AddEdgeOptions<AlertsOptions>(AlertsOptions.Section, static (c, o) => c.Bind(o));
        builder.Services.TryAddSingleton<IProductResearch, NoProductResearch>();
        builder.Services.TryAddSingleton<IHelpIntent, HelpIntentRules>();
        builder.Services.AddSingleton<QuietSwitch>();
        builder.Services.AddSingleton<ClerkRoster>();
        builder.Services.AddSingleton<AlertScheduler>();
        builder.Services.AddSingleton<StaffAlertService>();
        builder.Services.AddSingleton<AlertReporter>();
        builder.Services.AddHostedService<AlertEscalationService>();
        builder.Services.AddPresenceWorkQueue<AlertTriggerQueue>();
        builder.Services.AddSingleton<IBusHandler, ConsentWithdrawalHandler>();
        return builder;
    }
}
