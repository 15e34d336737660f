using System.Security.Cryptography;
using Edge.Agent.Offers;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Models;
using Edge.TestKit;

namespace Edge.Agent.Tests.Offers;

/// <summary>
/// Model bundles from the cloud through the real agent, broker, SQLite and ONNX Runtime. Bad inputs tried: a bundle
/// signed by another key, an archive with a path-traversal entry, one with a symbolic link, and a replayed sequence.
/// </summary>
public sealed class CloudModelBundleTests
{
    private static string? Version(CloudContentHarness h) => h.Agent.Get<OfferModel>().Version;

    [RequiresMosquittoFact]
    public async Task HandleAsync_ValidArchive_LoadsNewVersionAndRestartKeepsIt()
    {
        await using var h = await CloudContentHarness.StartAsync();
        Assert.Equal("shipped-1", Version(h));

        var archive = CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("cloud-2", h.Signer)));
        await h.SendBundleAsync(3, "offers-cloud-2", archive);
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_loaded") == 1, "bundle loaded");
        Assert.Equal("cloud-2", Version(h));

        await h.SendBundleAsync(3, "offers-cloud-2", archive);
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_duplicate") == 1, "replay counted");

        await h.RestartAsync();
        Assert.Equal("cloud-2", Version(h));
    }

    [RequiresMosquittoFact]
    public async Task HandleAsync_TamperedArchives_RefusedAndOldVersionKeepsServing()
    {
        await using var h = await CloudContentHarness.StartAsync();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var otherKey = CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("evil-1", stranger)));
        var good = CloudContentHarness.Files(CloudContentHarness.Bundle("evil-2", h.Signer));
        var traversal = CloudContentHarness.Archive([.. good, ("../escaped.txt", "x"u8.ToArray())]);
        var link = CloudContentHarness.Archive(good.Skip(1), (ModelBundleFiles.Model, "/etc/passwd"));
        await h.SendBundleAsync(1, "evil-1", otherKey);
        await h.SendBundleAsync(2, "evil-2", traversal);
        await h.SendBundleAsync(3, "evil-3", link);
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_refused") == 3, "tampered bundles refused");

        Assert.Equal("shipped-1", Version(h));
        Assert.Equal(0, h.Agent.Counters.Get("offers.cloud_bundle_loaded"));
        Assert.False(File.Exists(Path.Combine(h.BundlesRoot, "escaped.txt")));
        Assert.Empty(Directory.GetDirectories(h.BundlesRoot)); // refused folders are removed

        await h.RestartAsync();
        Assert.Equal("shipped-1", Version(h));
    }

    [RequiresMosquittoFact]
    public async Task ModelAnnouncer_ShippedThenCloudBundle_RetainedTopicNamesTheServingModelAndARefusedOneChangesNothing()
    {
        await using var h = await CloudContentHarness.StartAsync();
        var shipped = h.Agent.Get<OfferModel>().Description!;
        Assert.EndsWith(" shipped-1", shipped, StringComparison.Ordinal);
        await using (var probe = await BusProbe.ConnectAsync(h.Broker, ModelAnnouncer.Topic))
        {
            var retained = await probe.NextAsync(ModelAnnouncer.Topic, TimeSpan.FromSeconds(10));
            Assert.Equal((shipped, true), (retained.PayloadAsString(), retained.Retain));

            await h.SendBundleAsync(1, "offers-cloud-2", CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("cloud-2", h.Signer))));
            var swapped = await probe.NextAsync(ModelAnnouncer.Topic, TimeSpan.FromSeconds(10), m => m.PayloadAsString().EndsWith(" cloud-2", StringComparison.Ordinal));
            Assert.Equal(h.Agent.Get<OfferModel>().Description, swapped.PayloadAsString());
        }

        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await h.SendBundleAsync(2, "evil-3", CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("evil-3", stranger))));
        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_refused") == 1, "bundle from another key refused");
        await using var late = await BusProbe.ConnectAsync(h.Broker, ModelAnnouncer.Topic);
        Assert.EndsWith(" cloud-2", (await late.NextAsync(ModelAnnouncer.Topic, TimeSpan.FromSeconds(10))).PayloadAsString(), StringComparison.Ordinal);
    }

    [RequiresMosquittoFact]
    public async Task HandleAsync_ThreeBundles_KeepsOnlyTheLastTwoFolders()
    {
        await using var h = await CloudContentHarness.StartAsync();
        for (var i = 1; i <= 3; i++)
        {
            await h.SendBundleAsync(i, "offers-v" + i, CloudContentHarness.Archive(CloudContentHarness.Files(CloudContentHarness.Bundle("v" + i, h.Signer))));
        }

        await Eventually.TrueAsync(() => h.Agent.Counters.Get("offers.cloud_bundle_loaded") == 3, "three bundles loaded");
        Assert.Equal("v3", Version(h));
        Assert.Equal(["000000000002-offers-v2", "000000000003-offers-v3"], Directory.GetDirectories(h.BundlesRoot).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
