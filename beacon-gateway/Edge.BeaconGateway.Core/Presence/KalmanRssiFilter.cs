namespace Edge.BeaconGateway.Presence;

/// <summary>
/// A one-dimensional Kalman filter over RSSI with a random-walk model: the variance grows by Q·dt between
/// readings, each reading with variance R pulls the estimate by the gain K = P / (P + R). Time-aware, so irregular
/// advertising intervals (phones throttle in the background) are handled. A mutable struct kept in arrays.
/// </summary>
public struct KalmanRssiFilter
{
    public float Estimate;
    public float Variance;
    public long LastTicks;

    public readonly bool IsInitialised => Variance > 0;

    public void Update(float measurement, long atTicks, float processNoisePerSecond, float measurementNoise)
    {
        if (!IsInitialised)
        {
            Estimate = measurement;
            Variance = measurementNoise;
            LastTicks = atTicks;
            return;
        }

        var dtSeconds = Math.Max(0, atTicks - LastTicks) / (float)TimeSpan.TicksPerSecond;
        var predicted = Variance + (processNoisePerSecond * dtSeconds);
        var gain = predicted / (predicted + measurementNoise);
        Estimate += gain * (measurement - Estimate);
        Variance = (1 - gain) * predicted;
        LastTicks = Math.Max(LastTicks, atTicks);
    }
}
