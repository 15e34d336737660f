using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Edge.Agent.Tests.Support;
using Edge.Contracts.Cloud;
using Edge.Contracts.Models;
using Edge.TestKit;

namespace Edge.Agent.Tests.Offers;

/// <summary>
/// The real agent for content the cloud sends: real broker, real SQLite file, fake clock. Its state (database, cloud
/// bundles folder, the shipped offers file, a test signing key and the shipped bundle re-signed with it) lives in
/// <see cref="State"/>, outside the agent's own temp folder, so <see cref="RestartAsync"/> starts a new agent on it.
/// </summary>
internal sealed class CloudContentHarness : IAsyncDisposable
{
    private readonly MosquittoBroker _broker;
    private readonly FakeTimeProvider _clock = new();
    private readonly IReadOnlyDictionary<string, string> _settings;

    private CloudContentHarness(MosquittoBroker broker, TempDirectory state, ECDsa signer, IReadOnlyDictionary<string, string>? settings)
    {
        _broker = broker;
        _settings = settings ?? new Dictionary<string, string>();
        State = state;
        Signer = signer;
    }

    public TempDirectory State { get; }

    /// <summary>The key the agent trusts (Offers:TrustedPublicKeyFile).</summary>
    public ECDsa Signer { get; }

    public TestAgent Agent { get; private set; } = null!;

    public BusProbe Bus { get; private set; } = null!;

    public string BundlesRoot => State.File("cloud-bundles");

    public MosquittoBroker Broker => _broker;

    /// <param name="settings">More agent settings, kept across <see cref="RestartAsync"/> (e.g. Offers:ShadowMode).</param>
    public static async Task<CloudContentHarness> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var broker = await MosquittoBroker.StartAsync();
        var state = new TempDirectory("edge-agent-cloud");
        var signer = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(state.File("trusted.pem"), signer.ExportSubjectPublicKeyInfoPem());
        Catalogs.Write(state.File("offers.json"), Catalogs.Offer("o-shipped"));
        var h = new CloudContentHarness(broker, state, signer, settings);
        h.WriteBundle(state.Sub("shipped-bundle"), "shipped-1", signer);
        await h.RestartAsync();
        return h;
    }

    public async Task RestartAsync()
    {
        if (Agent is not null)
        {
            await Bus.DisposeAsync();
            await Agent.DisposeAsync();
        }

        var settings = new Dictionary<string, string>
        {
            ["EdgeAgent:Storage:DatabasePath"] = State.File("agent.db"),
            ["EdgeAgent:Offers:CatalogFile"] = State.File("offers.json"),
            ["EdgeAgent:Offers:BundleDirectory"] = State.File("shipped-bundle"),
            ["EdgeAgent:Offers:TrustedPublicKeyFile"] = State.File("trusted.pem"),
            ["EdgeAgent:Offers:CloudBundlesDirectory"] = BundlesRoot,
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        Agent = await TestAgent.StartAsync(_broker, _clock, settings);
        Bus = await BusProbe.ConnectAsync(_broker);
    }

    public Task PublishDownAsync(string kind, long sequence, JsonElement body) =>
        Bus.PublishAsync(CloudTopics.LocalDownFor(kind), new LocalDownEvent(kind + ":" + sequence, kind, sequence, DateTimeOffset.UnixEpoch, body), CloudJsonContext.Default.LocalDownEvent);

    /// <summary>Writes the shipped model with its manifest's version set to <paramref name="version"/>, signed by <paramref name="signer"/>.</summary>
    public (byte[] Model, byte[] Manifest, byte[] Signature) WriteBundle(string directory, string version, ECDsa signer)
    {
        var files = Bundle(version, signer);
        File.WriteAllBytes(Path.Combine(directory, ModelBundleFiles.Model), files.Model);
        File.WriteAllBytes(Path.Combine(directory, ModelBundleFiles.Manifest), files.Manifest);
        File.WriteAllBytes(Path.Combine(directory, ModelBundleFiles.Signature), files.Signature);
        return files;
    }

    /// <summary>The shipped bundle as the reference cloud re-versions and signs it (Bundles/ModelBundlePublisher).</summary>
    /// <param name="model">Another model.onnx with the shipped feature schema, input and output (default: the shipped one).</param>
    public static (byte[] Model, byte[] Manifest, byte[] Signature) Bundle(string version, ECDsa signer, byte[]? model = null)
    {
        var shipped = File.ReadAllBytes(Path.Combine(Catalogs.ShippedBundle, ModelBundleFiles.Model));
        var manifest = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(Catalogs.ShippedBundle, ModelBundleFiles.Manifest)), ModelsJsonContext.Default.ModelManifest)!;
        manifest = model is null ? manifest with { Version = version } : manifest with { Version = version, ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(model)) };
        model ??= shipped;
        var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ModelsJsonContext.Default.ModelManifest);
        return (model, manifestBytes, Encoding.ASCII.GetBytes(Convert.ToBase64String(ModelBundleSignature.Sign(signer, manifestBytes, model))));
    }

    /// <summary>
    /// A bundle archive as the reference cloud packs one (<see cref="ModelBundleArchive"/>); <paramref name="links"/>
    /// first adds symbolic-link entries (name, target), which edge-agent must refuse.
    /// </summary>
    public static byte[] Archive(IEnumerable<(string Name, byte[] Bytes)> files, params (string Name, string Target)[] links)
    {
        using var output = new MemoryStream();
        using (var tar = new TarWriter(output, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, target) in links)
            {
                tar.WriteEntry(new UstarTarEntry(TarEntryType.SymbolicLink, name) { LinkName = target, ModificationTime = DateTimeOffset.UnixEpoch });
            }

            ModelBundleArchive.WriteFiles(tar, files);
        }

        return output.ToArray();
    }

    public static (string, byte[])[] Files((byte[] Model, byte[] Manifest, byte[] Signature) b) =>
        [(ModelBundleFiles.Model, b.Model), (ModelBundleFiles.Manifest, b.Manifest), (ModelBundleFiles.Signature, b.Signature)];

    /// <summary>Writes <paramref name="archive"/> where cloud-sync would have reassembled it and announces it as sequence <paramref name="sequence"/>.</summary>
    public Task SendBundleAsync(long sequence, string bundleId, byte[] archive)
    {
        var path = State.File($"incoming-{sequence}.tar");
        File.WriteAllBytes(path, archive);
        var ready = new ModelBundleReady(bundleId, path, Convert.ToHexStringLower(SHA256.HashData(archive)), archive.Length);
        return PublishDownAsync(DownKinds.ModelBundle, sequence, JsonSerializer.SerializeToElement(ready, CloudJsonContext.Default.ModelBundleReady));
    }

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Agent.DisposeAsync();
        await _broker.DisposeAsync();
        Signer.Dispose();
        State.Dispose();
    }
}
