using System.Security.Cryptography;
using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Signage;

/// <summary>
/// The on-disk asset cache that lets attract mode play offline. A missing asset is fetched once from its source URL
/// into a temporary file, checked against its SHA-256 when the playlist gives one, and renamed into place, so a
/// half-downloaded file is never shown.
/// </summary>
internal sealed class AssetCache(IOptions<SignageOptions> options, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "signage-assets";

    private readonly string _directory = options.Value.AssetDirectory;

    public string PathOf(string asset) => Path.Combine(_directory, asset);

    public bool Has(string asset) => File.Exists(PathOf(asset));

    /// <summary>Makes sure the item's asset is on disk; false (with the reason) when it is neither cached nor fetchable now.</summary>
    public async Task<(bool Cached, string? Reason)> EnsureAsync(PlaylistItem item, CancellationToken cancellationToken)
    {
        var path = PathOf(item.Asset);
        if (File.Exists(path))
        {
            return (true, null);
        }

        if (item.SourceUrl is null)
        {
            return (false, "not in the cache and no sourceUrl");
        }

        Directory.CreateDirectory(_directory);
        var temp = path + ".part";
        try
        {
            var client = httpClients.CreateClient(HttpClientName);
            using (var response = await client.GetAsync(item.SourceUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken))
            {
                response.EnsureSuccessStatusCode();
                await using var file = File.Create(temp);
                await response.Content.CopyToAsync(file, cancellationToken);
            }

            if (item.Sha256 is { } expected)
            {
                await using var check = File.OpenRead(temp);
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(check, cancellationToken));
                if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                {
                    File.Delete(temp);
                    return (false, $"downloaded file has SHA-256 {actual}, the playlist says {expected}");
                }
            }

            File.Move(temp, path, overwrite: true);
            return (true, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            File.Delete(temp);
            return (false, ex.Message);
        }
    }
}
