using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Tests.Doctor;

/// <summary>Answers for system tools by program name; null = not installed.</summary>
internal sealed class FakeProcessRunner(Func<string, IReadOnlyList<string>, ProcessResult?> answer) : IProcessRunner
{
    public List<string> Calls { get; } = [];

    public Task<ProcessResult?> RunAsync(string program, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Calls.Add(program + " " + string.Join(' ', arguments));
        return Task.FromResult(answer(program, arguments));
    }
}
