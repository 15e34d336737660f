using Edge.Kiosk.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Kiosk.Signage;

/// <summary>Re-reads the playlist file and fills the asset cache every <see cref="SignageOptions.ReloadInterval"/>.</summary>
internal sealed class PlaylistRefreshService(
    SignagePlayer player,
    AssetCache cache,
    IOptions<SignageOptions> options,
    TimeProvider time,
    ILogger<PlaylistRefreshService> logger) : BackgroundService
{
    private DateTime _lastWrite;

    public long RefusedPlaylists { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReloadInterval, time);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var path = options.Value.PlaylistPath;
        if (!File.Exists(path))
        {
            return;
        }

        var lastWrite = File.GetLastWriteTimeUtc(path);
        if (lastWrite != _lastWrite)
        {
            try
            {
                var playlist = PlaylistParser.Parse(await File.ReadAllBytesAsync(path, cancellationToken));
                player.Load(playlist);
                KioskLog.PlaylistLoaded(logger, path, playlist.Items.Count);
            }
            catch (Exception ex) when (ex is FormatException or IOException)
            {
                RefusedPlaylists++;
                KioskLog.PlaylistRefused(logger, path, ex.Message);
            }

            _lastWrite = lastWrite;
        }

        foreach (var item in player.Current.Items)
        {
            var (cached, reason) = await cache.EnsureAsync(item, cancellationToken);
            if (!cached)
            {
                KioskLog.AssetMissing(logger, item.Asset, item.Id, reason is null ? null : new IOException(reason));
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken token)
    {
        try
        {
            return await timer.WaitForNextTickAsync(token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
