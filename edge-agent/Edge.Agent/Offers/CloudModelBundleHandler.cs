using System.Security.Cryptography;
using Edge.Agent.Bus;
using Edge.Agent.Storage;
using Edge.Contracts.Cloud;
using Edge.Messaging;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// A model bundle from the cloud: cloud-sync reassembled the chunks, checked the archive's sha256 and forwards one
/// <see cref="LocalDownEvent"/> on store/down/model-bundle with a <see cref="ModelBundleReady"/> body. Handled once
/// per sequence: the archive is checked again (sha256), unpacked by <see cref="BundleArchive"/> into its own folder
/// under Offers:CloudBundlesDirectory, and loaded by <see cref="OfferModel.TryLoad"/> (signature, schema, warm-up,
/// atomic swap). A refused bundle is counted, logged with the reason, its folder removed, and the old model keeps
/// serving. The folder that loaded is stored so a restart loads it; the one before it is kept, older ones deleted.
/// In shadow mode (Offers:ShadowMode) a bundle that passes loads as the shadow model instead: the serving model and
/// its folder stay, the shadow's folder is stored apart (a newer shadow replaces it) until it is promoted.
/// </summary>
internal sealed class CloudModelBundleHandler(
    OfferModel model,
    AgentDatabase database,
    AgentWriter writer,
    IOptions<OffersOptions> options,
    IHostEnvironment environment,
    AgentCounters counters,
    ILogger<CloudModelBundleHandler> logger) : IBusHandler
{
    public string TopicFilter => CloudTopics.LocalDownFor(DownKinds.ModelBundle);

    public async Task HandleAsync(MqttMessage message, CancellationToken cancellationToken)
    {
        if (DownBody.Read(message.Payload.Span, CloudJsonContext.Default.ModelBundleReady, out var error) is not ({ } down, { } ready)
            || string.IsNullOrWhiteSpace(ready.Path) || !CloudEnvelopeRules.IsValidMessageId(ready.BundleId))
        {
            counters.Increment("offers.cloud_bundle_malformed");
            OffersLog.CloudBundleRefused(logger, "(none)", Keeping(), error ?? "not a bundle-ready body with a bundle id and a path");
            return;
        }

        var previous = CloudContent.Read(database, CloudContent.ModelBundle);
        if (down.Sequence <= (previous?.Sequence ?? 0))
        {
            counters.Increment("offers.cloud_bundle_duplicate");
            return;
        }

        var shadow = options.Value.ShadowMode;
        var root = options.Value.CloudBundlesPath(environment.ContentRootPath);
        var name = $"{down.Sequence:D12}-{ready.BundleId}";
        var directory = Path.Combine(root, name);
        error = Unpack(ready, directory);
        if (error is null && !(shadow ? model.TryLoadShadow(directory, out error) : model.TryLoad(directory, out error)))
        {
            error ??= "refused by the model loader";
        }

        if (error is not null)
        {
            TryDelete(directory);
            counters.Increment("offers.cloud_bundle_refused");
            OffersLog.CloudBundleRefused(logger, ready.BundleId, Keeping(), error);
        }

        // A refused bundle's sequence is recorded too (content unchanged), so its re-delivery is not tried again.
        var loaded = error is null;
        await writer.WriteAsync(
            tx =>
            {
                CloudContent.Write(tx, CloudContent.ModelBundle, down.Sequence, loaded && !shadow ? name : null);
                if (loaded && shadow)
                {
                    CloudContent.Write(tx, CloudContent.ShadowBundle, down.Sequence, name);
                }
                else if (loaded)
                {
                    CloudContent.Remove(tx, CloudContent.ShadowBundle); // left from a time in shadow mode; its folder is pruned below
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (loaded)
        {
            // Kept: the bundle just loaded and the serving one (shadow mode) or the one it replaced. Counted after the
            // prune, so the counter marks a handled bundle with the disk in its final state.
            Prune(root, name, previous?.Content);
            counters.Increment(shadow ? "offers.cloud_bundle_shadowed" : "offers.cloud_bundle_loaded");
        }
    }

    private string Keeping() => model.Version is { } v ? "keeping " + v : "no model: rules decide";

    private string? Unpack(ModelBundleReady ready, string directory)
    {
        try
        {
            using (var file = File.OpenRead(ready.Path))
            {
                var sha = Convert.ToHexStringLower(SHA256.HashData(file));
                if (!string.Equals(sha, ready.Sha256, StringComparison.OrdinalIgnoreCase))
                {
                    return $"the archive's sha256 {sha} is not the announced {ready.Sha256}";
                }
            }

            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true); // left by a crash during an earlier unpack of this sequence
            }

            Directory.CreateDirectory(directory);
            BundleArchive.Extract(ready.Path, directory, options.Value.MaxBundleBytes);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException)
        {
            return e.Message;
        }
    }

    /// <summary>Keeps the folder now serving and the one before it (to go back by hand); deletes the rest.</summary>
    private void Prune(string root, string current, string? previous)
    {
        foreach (var directory in Directory.GetDirectories(root))
        {
            var name = Path.GetFileName(directory);
            if (name != current && name != previous)
            {
                TryDelete(directory);
            }
        }
    }

    private void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            OffersLog.BundlePruneFailed(logger, directory, e.Message);
        }
    }
}
