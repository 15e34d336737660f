using Edge.Kiosk.Localization;
using Edge.Kiosk.Sessions;
using Microsoft.AspNetCore.Components;

namespace Edge.Kiosk.Components;

/// <summary>What every kiosk page and fragment needs: the request, the kiosk session, and text in the shopper's language.</summary>
public abstract class KioskComponentBase : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    internal KioskSession? Session => HttpContext?.Items[KioskSessionMiddleware.ItemKey] as KioskSession;

    protected string Lang => Session?.Language ?? "en";

    protected string T(string key) => KioskText.Get(Lang, key);

    protected string T(string key, params object?[] args) => KioskText.Format(Lang, key, args);
}
