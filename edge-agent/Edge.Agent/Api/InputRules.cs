using System.Text.RegularExpressions;

namespace Edge.Agent.Api;

/// <summary>Shapes of ids and fields the API accepts; anything else is a 400 before it reaches SQLite or a log.</summary>
internal static partial class InputRules
{
    /// <summary>Device ids (kiosks): 1-64 of a-z0-9-, as kiosk-ui's Kiosk:KioskId.</summary>
    public static bool IsDeviceId(string? value) => value is { Length: >= 1 and <= 64 } && DeviceId().IsMatch(value);

    /// <summary>Member, product, coupon ids: 1-128 printable ASCII without spaces.</summary>
    public static bool IsId(string? value) => value is { Length: >= 1 and <= 128 } && Id().IsMatch(value);

    /// <summary>A login PIN: exactly 4 digits.</summary>
    public static bool IsPin(string? value) => value is { Length: 4 } && value.All(char.IsAsciiDigit);

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DeviceId();

    [GeneratedRegex(@"^[\x21-\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Id();
}
