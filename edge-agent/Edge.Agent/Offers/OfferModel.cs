using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Edge.Contracts.Models;
using Edge.Inference;
using Microsoft.Extensions.Options;

namespace Edge.Agent.Offers;

/// <summary>
/// The current offer model. <see cref="Load"/> checks a bundle completely before it may serve: ECDSA signature
/// under the configured trusted key (ModelBundleSignature.Verify), model sha256 = manifest, format version, input and
/// output names, the feature schema against what the hub computes, the ONNX input width, and a warm-up run. Only then
/// is it swapped in atomically; any failure leaves the previous model serving and says why. In shadow mode a checked
/// bundle goes into a second slot instead: it scores beside the serving model (<see cref="LeaseShadow"/>) until
/// <see cref="PromoteShadow"/> swaps it in.
/// </summary>
internal sealed class OfferModel : IDisposable
{
    private readonly IInferenceSessionFactory _factory;
    private readonly OffersOptions _options;
    private readonly string _root;
    private readonly AgentCounters _counters;
    private readonly ILogger<OfferModel> _logger;
    private LoadedModel? _current;
    private LoadedModel? _shadow;

    public OfferModel(IInferenceSessionFactory factory, IOptions<OffersOptions> options, IHostEnvironment environment, AgentCounters counters, ILogger<OfferModel> logger)
    {
        _factory = factory;
        _options = options.Value;
        _root = environment.ContentRootPath;
        _counters = counters;
        _logger = logger;
    }

    public string? Version => Volatile.Read(ref _current)?.Manifest.Version;

    /// <summary>"{modelId} {version}" of the model serving now, or null while the rules decide (HQ's model version).</summary>
    public string? Description => Volatile.Read(ref _current)?.Manifest is { } m ? m.ModelId + " " + m.Version : null;

    /// <summary>Version of the shadow model, or null when none is loaded.</summary>
    public string? ShadowVersion => Volatile.Read(ref _shadow)?.Manifest.Version;

    /// <summary>"{modelId} {version}" of the shadow model, or null when none is loaded (HQ's shadow model version).</summary>
    public string? ShadowDescription => Volatile.Read(ref _shadow)?.Manifest is { } m ? m.ModelId + " " + m.Version : null;

    /// <summary>
    /// Raised after the serving or the shadow model changed: a swap, a shadow load, a promotion (on the loader's
    /// thread; handlers must not block).
    /// </summary>
    public event Action? Changed;

    /// <summary>Leases the current model, or null when none is loaded. Call <see cref="LoadedModel.Release"/> after the run.</summary>
    public LoadedModel? Lease() => Lease(ref _current);

    /// <summary>Leases the shadow model, or null when none is loaded. Call <see cref="LoadedModel.Release"/> after the run.</summary>
    public LoadedModel? LeaseShadow() => Lease(ref _shadow);

    /// <summary>Loads the configured bundle; false (logged, counted) when it is refused.</summary>
    public bool LoadConfigured() => TryLoad(Resolve(_options.BundleDirectory), out _);

    /// <summary>Checks the bundle and swaps it in to serve; false (logged, counted) with the reason when it is refused.</summary>
    public bool TryLoad(string directory, out string? error) => TryLoad(directory, shadow: false, out error);

    /// <summary>Checks the bundle like <see cref="TryLoad(string, out string?)"/> and makes it the shadow model; the serving one is untouched.</summary>
    public bool TryLoadShadow(string directory, out string? error) => TryLoad(directory, shadow: true, out error);

    /// <summary>
    /// Swaps the shadow model in to serve (runs in flight finish on the old one); returns the versions, or null
    /// when there is no shadow model.
    /// </summary>
    public (string Serving, string? Replaced)? PromoteShadow()
    {
        var shadow = Interlocked.Exchange(ref _shadow, null);
        if (shadow is null)
        {
            return null;
        }

        var old = Interlocked.Exchange(ref _current, shadow);
        var replaced = old?.Manifest.Version;
        old?.Release();
        _counters.Increment("offers.shadow_promoted");
        OffersLog.ShadowPromoted(_logger, shadow.Manifest.Version, replaced ?? "the rules");
        Changed?.Invoke();
        return (shadow.Manifest.Version, replaced);
    }

    private bool TryLoad(string directory, bool shadow, out string? error)
    {
        try
        {
            var loaded = Load(directory, Resolve(_options.TrustedPublicKeyFile), _factory, out var warmup);
            ref var slot = ref shadow ? ref _shadow : ref _current;
            var old = Interlocked.Exchange(ref slot, loaded);
            old?.Release();
            if (shadow)
            {
                _counters.Increment("offers.shadow_loaded");
                OffersLog.ShadowLoaded(_logger, loaded.Manifest.Version, directory, Version ?? "the rules", warmup.TotalMilliseconds);
            }
            else
            {
                _counters.Increment("offers.model_loaded");
                OffersLog.ModelLoaded(_logger, loaded.Manifest.Version, directory, loaded.Schema.ToString(), warmup.TotalMilliseconds);
            }

            Changed?.Invoke();

            error = null;
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or CryptographicException or JsonException or OrtException or UnauthorizedAccessException)
        {
            _counters.Increment("offers.model_rejected");
            error = e.Message;
            OffersLog.ModelRejected(_logger, directory, Version is { } v ? "keeping " + v : "no model: rules decide", e.Message);
            return false;
        }
    }

    internal static LoadedModel Load(string directory, string trustedKeyFile, IInferenceSessionFactory factory, out TimeSpan warmup)
    {
        var manifestBytes = ReadRequired(directory, ModelBundleFiles.Manifest);
        var modelBytes = ReadRequired(directory, ModelBundleFiles.Model);
        var signatureText = File.Exists(Path.Combine(directory, ModelBundleFiles.Signature)) ? File.ReadAllText(Path.Combine(directory, ModelBundleFiles.Signature)).Trim() : null;
        if (string.IsNullOrEmpty(signatureText))
        {
            throw new InvalidDataException("the bundle is not signed (manifest.sig missing or empty)");
        }

        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(signatureText);
        }
        catch (FormatException)
        {
            throw new InvalidDataException("manifest.sig is not base64");
        }

        using (var key = ECDsa.Create())
        {
            key.ImportFromPem(File.ReadAllText(trustedKeyFile));
            if (!ModelBundleSignature.Verify(key, manifestBytes, modelBytes, signature))
            {
                throw new InvalidDataException("signature does not verify under the trusted key: the bundle was altered or signed by someone else");
            }
        }

        var manifest = JsonSerializer.Deserialize(manifestBytes, ModelsJsonContext.Default.ModelManifest)
            ?? throw new InvalidDataException("manifest.json is empty");
        if (manifest.FormatVersion != ModelBundleFiles.CurrentFormatVersion)
        {
            throw new InvalidDataException($"bundle format {manifest.FormatVersion} is not {ModelBundleFiles.CurrentFormatVersion}");
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(modelBytes));
        if (!string.Equals(sha, manifest.ModelSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"model.onnx sha256 {sha} differs from the manifest's {manifest.ModelSha256}");
        }

        var schema = FeatureSchema.Compile(manifest.Features);
        var session = factory.Create(modelBytes, manifest.ModelId + "-" + manifest.Version);
        try
        {
            var input = session.Inputs.FirstOrDefault(i => i.Name == manifest.InputName)
                ?? throw new InvalidDataException($"the model has no input '{manifest.InputName}'");
            if (session.Outputs.All(o => o.Name != manifest.OutputName))
            {
                throw new InvalidDataException($"the model has no output '{manifest.OutputName}'");
            }

            if (input.Dimensions is { Count: 2 } shape && shape[1] > 0 && shape[1] != schema.Count)
            {
                throw new InvalidDataException($"the model's input '{input.Name}' takes {shape[1]} features but the manifest lists {schema.Count}");
            }

            var clock = Stopwatch.StartNew();
            var row = new float[schema.Count];
            using (var outputs = session.Run([InputTensor.Create<float>(manifest.InputName, row, 1, schema.Count)], [manifest.OutputName]))
            {
                if (outputs[0].ElementCount != 1)
                {
                    throw new InvalidDataException($"the model's output '{manifest.OutputName}' has {outputs[0].ElementCount} values for one row, not 1");
                }
            }

            warmup = clock.Elapsed;
            return new LoadedModel(session, manifest, schema);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static LoadedModel? Lease(ref LoadedModel? slot)
    {
        while (true)
        {
            var model = Volatile.Read(ref slot);
            if (model is null || model.TryLease())
            {
                return model;
            }
        }
    }

    private string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Combine(_root, path);

    private static byte[] ReadRequired(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? File.ReadAllBytes(path) : throw new InvalidDataException($"{file} is missing from {directory}");
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _current, null)?.Release();
        Interlocked.Exchange(ref _shadow, null)?.Release();
    }
}
