namespace Edge.Kiosk.Localization;

/// <summary>The languages a shopper can switch between on screen; the code is the page's lang attribute.</summary>
internal static class KioskLanguages
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("en", "English"),
        ("nb", "Norsk"),
        ("pl", "Polski"),
        ("de", "Deutsch"),
    ];

    public const string Cookie = "kiosk-lang";

    public static bool IsSupported(string? code) => code is not null && All.Any(l => l.Code == code);
}
