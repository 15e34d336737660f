using System.ComponentModel.DataAnnotations;
using Edge.Hosting.Options;
using Edge.Agent.Api;

namespace Edge.Agent.Sessions;

/// <summary>Section <c>EdgeAgent:Login</c>: kiosk member login, PIN lockout, QR tokens and session lifetime.</summary>
internal sealed class LoginOptions : IValidatableObject
{
    public const string Section = "EdgeAgent:Login";

    /// <summary>A session ends this long after login, however active (LoginResponse.ExpiresAt).</summary>
    [TimeSpanRange("00:01:00", "08:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session not used for this long has expired (the kiosk's own idle logout is shorter).</summary>
    [TimeSpanRange("00:00:10", "01:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wrong PINs for one member (or one phone number) within <see cref="LockoutDuration"/> before that member's PIN login is locked.</summary>
    [Range(1, 100)]
    public int MaxWrongPinsPerMember { get; set; } = 5;

    /// <summary>Failed logins on one kiosk, any member, within <see cref="LockoutDuration"/> before that kiosk's logins are locked.</summary>
    [Range(1, 1000)]
    public int MaxWrongPinsPerKiosk { get; set; } = 20;

    /// <summary>The window failures are counted in, and so how long a lockout lasts after the last failure.</summary>
    [TimeSpanRange("00:00:10", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Proximity login: the member must have been sensed in the kiosk's zone (and not left it) within this time.</summary>
    [TimeSpanRange("00:00:10", "01:00:00")]
    public TimeSpan ProximityWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// QR login: a token of the previous 10-minute window is still accepted this long into the next one (0 = only the
    /// current window). With the one-time use this keeps a photographed QR useless within minutes.
    /// </summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan QrPreviousWindowGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Kiosk id to the zone it stands in (kiosk-ui's Kiosk:KioskId and Kiosk:Zone). Proximity login works only on kiosks listed here.</summary>
    public Dictionary<string, string> KioskZones { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (kiosk, zone) in KioskZones)
        {
            if (!InputRules.IsDeviceId(kiosk) || string.IsNullOrWhiteSpace(zone) || zone.Length > 64)
            {
                yield return new ValidationResult("kiosk ids are 1-64 of a-z0-9-, zones 1-64 characters", [nameof(KioskZones) + ":" + kiosk]);
            }
        }
    }
}
