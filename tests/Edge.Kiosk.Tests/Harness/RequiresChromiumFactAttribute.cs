using Edge.TestKit;

namespace Edge.Kiosk.Tests.Harness;

/// <summary>A browser test: skips with a message when chromium, mosquitto or the kiosk npm tool set (axe-core, htmx) is missing.</summary>
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
        else if (!File.Exists(Browser.AxePath) || !File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "lib", "htmx.min.js")))
        {
            Skip = $"the kiosk npm tool set is missing ({Browser.AxePath} or wwwroot/lib/htmx.min.js): run scripts/fetch-node-tools.sh, then rebuild";
        }
    }
}
