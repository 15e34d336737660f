using System.ComponentModel.DataAnnotations;

namespace Edge.Kiosk.Hosting;

/// <summary>Section <c>KioskLogin</c>: PIN lockout, idle logout and QR pairing.</summary>
internal sealed class KioskLoginOptions
{
    public const string Section = "KioskLogin";

    /// <summary>No touch for this long logs the member out and wipes the screen.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Wrong PINs for one member before that member is locked out on this kiosk.</summary>
    [Range(1, 20)]
    public int MaxWrongPinsPerMember { get; set; } = 3;

    /// <summary>Wrong PINs on this kiosk (any member) within <see cref="LockoutDuration"/> before PIN login pauses for everyone.</summary>
    [Range(1, 100)]
    public int MaxWrongPinsPerKiosk { get; set; } = 10;

    /// <summary>How long a lockout lasts; also the window wrong PINs are counted in.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a one-time pairing QR stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:10:00")]
    public TimeSpan PairingLifetime { get; set; } = TimeSpan.FromMinutes(2);
}
