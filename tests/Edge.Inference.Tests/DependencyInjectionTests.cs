using Edge.Inference.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.Inference.Tests;

public sealed class DependencyInjectionTests
{
    [RequiresOnnxRuntimeFact]
    public void AddEdgeInference_ValidOptions_ResolvesAWorkingFactory()
    {
        // ORT's one environment takes the logger of the first factory that creates it. Without this line, when this
        // test ran before every other in the assembly (classes run in parallel), ORT's own lines went to this
        // provider's empty logger and LoggingTests saw none.
        _ = OrtTestRuntime.Factory;
        var services = new ServiceCollection().AddLogging();
        services.AddEdgeInference(o => o.Session = new InferenceSessionOptions { IntraOpNumThreads = 1 });
        using var provider = services.BuildServiceProvider();

        var factory = provider.GetRequiredService<IInferenceSessionFactory>();
        using var session = factory.Create(TestModels.AddFloats(), "add");

        Assert.Equal(2, session.Inputs.Count);
        Assert.Same(factory, provider.GetRequiredService<IInferenceSessionFactory>());
    }

    [Fact]
    public void AddEdgeInference_NegativeThreadsAndMissingLibrary_FailValidationNamingTheKeys()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddEdgeInference(o =>
        {
            o.LibraryPath = "/nowhere/libonnxruntime.so.1";
            o.Session = new InferenceSessionOptions { IntraOpNumThreads = -1 };
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<InferenceOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.Contains("Inference:LibraryPath", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("IntraOpNumThreads", StringComparison.Ordinal));
    }

    [RequiresOnnxRuntimeFact]
    public void Create_InvalidPerSessionOptions_ThrowsArgumentException()
    {
        var ex = Assert.Throws<ArgumentException>(() => OrtTestRuntime.Factory.Create(TestModels.AddFloats(), "add", new InferenceSessionOptions { InterOpNumThreads = -3 }));

        Assert.Contains("InterOpNumThreads", ex.Message, StringComparison.Ordinal);
    }
}
