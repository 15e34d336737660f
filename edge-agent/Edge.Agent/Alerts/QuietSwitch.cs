using Microsoft.Extensions.Options;

namespace Edge.Agent.Alerts;

/// <summary>Quiet mode: configured at start (<see cref="AlertsOptions.QuietMode"/>), switched at run time through the API.</summary>
internal sealed class QuietSwitch(IOptions<AlertsOptions> options)
{
    private volatile bool _quiet = options.Value.QuietMode;

    public bool Quiet
    {
        get => _quiet;
        set => _quiet = value;
    }
}
