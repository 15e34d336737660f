using Edge.Inference;

namespace Edge.Trainer.Tests.Support;

/// <summary>The one inference factory the tests share (ORT has one environment per process).</summary>
internal static class Ort
{
    private static readonly Lazy<InferenceSessionFactory> s_factory =
        new(() => new InferenceSessionFactory(new InferenceOptions { Session = new InferenceSessionOptions { IntraOpNumThreads = 1 } }));

    internal static InferenceSessionFactory Factory => s_factory.Value;

    internal static string LibraryPath => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime.so.1");
}
