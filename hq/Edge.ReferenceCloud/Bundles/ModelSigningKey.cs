using Edge.ReferenceCloud.Downstream;

namespace Edge.ReferenceCloud.Bundles;

/// <summary>
/// The key that signs model bundles (manifest.sig), apart from the down-message key: cloud-sync checks each chunk
/// with the down key, edge-agent checks the bundle with this one (its Offers:TrustedPublicKeyFile), as the trainer's
/// key is checked today. Same file format and creation as <see cref="DownSigningKey"/>.
/// </summary>
internal sealed class ModelSigningKey(DownSigningKey key)
{
    public DownSigningKey Key { get; } = key;
}
