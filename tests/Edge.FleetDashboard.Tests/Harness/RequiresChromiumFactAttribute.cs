using Edge.Kiosk.Tests.Harness;
using Edge.TestKit;

namespace Edge.FleetDashboard.Tests.Harness;

/// <summary>A browser test: skips with a message when chromium, mosquitto, axe-core or the dashboard's browser scripts are missing.</summary>
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (ExternalTools.MissingReason("chromium", "chromium") is { } noChromium)
        {
            Skip = noChromium;
        }
        else if (ExternalTools.MissingReason("mosquitto", "mosquitto") is { } noBroker)
        {
            Skip = noBroker;
        }
        else if (!File.Exists(Browser.AxePath) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "htmx-sse.min.js")))
        {
            Skip = $"axe-core ({Browser.AxePath}) or the dashboard's browser scripts (wwwroot/lib) are missing: run scripts/fetch-node-tools.sh, then rebuild";
        }
    }
}
