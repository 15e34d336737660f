namespace Edge.Kiosk.Sessions;

internal static class HttpContextSessionExtensions
{
    public static KioskSession KioskSession(this HttpContext context) =>
        context.Items[KioskSessionMiddleware.ItemKey] as KioskSession
        ?? throw new InvalidOperationException("KioskSessionMiddleware did not run for " + context.Request.Path);
}
