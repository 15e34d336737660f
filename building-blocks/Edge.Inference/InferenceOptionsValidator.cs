using Microsoft.Extensions.Options;

namespace Edge.Inference;

/// <summary>Rejects settings ORT would reject later with a less helpful message.</summary>
internal sealed class InferenceOptionsValidator : IValidateOptions<InferenceOptions>
{
    public ValidateOptionsResult Validate(string? name, InferenceOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.LibraryPath) && !File.Exists(options.LibraryPath))
        {
            failures.Add($"Inference:LibraryPath '{options.LibraryPath}' does not exist ({OnnxRuntimeLoadException.Fix}).");
        }

        if (options.Session is null)
        {
            failures.Add("Inference:Session must not be null.");
        }
        else
        {
            failures.AddRange(ValidateSession(options.Session));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static IEnumerable<string> ValidateSession(InferenceSessionOptions session)
    {
        if (session.IntraOpNumThreads is < 0 or > 256)
        {
            yield return $"Inference:Session:IntraOpNumThreads must be 0 (ORT default) to 256, not {session.IntraOpNumThreads}.";
        }

        if (session.InterOpNumThreads is < 0 or > 256)
        {
            yield return $"Inference:Session:InterOpNumThreads must be 0 (ORT default) to 256, not {session.InterOpNumThreads}.";
        }

        if (!Enum.IsDefined(session.GraphOptimizationLevel))
        {
            yield return $"Inference:Session:GraphOptimizationLevel {(int)session.GraphOptimizationLevel} is not one of DisableAll, Basic, Extended, All.";
        }
    }
}
