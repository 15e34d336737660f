using Edge.TestKit;

namespace Edge.Store.Tests.Harness;

/// <summary>The whole-store test: skips with a message when mosquitto, openssl, curl or chromium is missing.</summary>
public sealed class RequiresStoreFactAttribute : FactAttribute
{
    public RequiresStoreFactAttribute()
    {
        Skip = ExternalTools.MissingReason("mosquitto", "mosquitto")
            ?? ExternalTools.MissingReason("openssl", "openssl")
            ?? ExternalTools.MissingReason("curl", "curl")
            ?? ExternalTools.MissingReason("chromium", "chromium");
    }
}
