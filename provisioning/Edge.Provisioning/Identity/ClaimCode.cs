namespace Edge.Provisioning.Identity;

/// <summary>A one-time code that lets the cloud bind this hub to its store; useless after <see cref="ExpiresAt"/>.</summary>
internal sealed record ClaimCode(string StoreId, string HubId, string Code, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt, string CsrSha256)
{
    public bool IsValidAt(DateTimeOffset now) => now < ExpiresAt;

    /// <summary>What the QR carries: everything the store-IT app needs to claim the hub, no secret beyond the code.</summary>
    public string QrPayload =>
        $"store-edge://claim?store={Uri.EscapeDataString(StoreId)}&hub={Uri.EscapeDataString(HubId)}&code={Code}&expires={ExpiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
}
