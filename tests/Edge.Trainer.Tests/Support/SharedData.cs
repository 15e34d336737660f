using Edge.TestKit;

namespace Edge.Trainer.Tests.Support;

/// <summary>Paths into ../shared/data/retail (tests using them carry a skip attribute).</summary>
internal static class SharedData
{
    internal static string Retail => Path.Combine(ExternalTools.SharedData ?? throw new InvalidOperationException("shared data is absent"), "retail");

    internal static string CompleteJourney => Path.Combine(Retail, "completejourney");

    internal static string Tafeng => Path.Combine(Retail, "tafeng");
}
