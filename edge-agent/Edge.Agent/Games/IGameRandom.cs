namespace Edge.Agent.Games;

/// <summary>Where game outcomes come from: <see cref="CryptoGameRandom"/> in the service; tests inject known values.</summary>
internal interface IGameRandom
{
    /// <summary>A uniform value in [0, 1).</summary>
    double NextUnit();
}
