using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Edge.Hosting.Options;

/// <summary>
/// Runs DataAnnotations (and IValidatableObject) on an options instance and reports each failure with the
/// full configuration key, e.g. "EdgeAgent:Api:Url: must be a loopback address".
/// </summary>
internal sealed class DataAnnotationsKeyValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = results.Select(r =>
        {
            var members = r.MemberNames.ToList();
            var key = members.Count == 0 ? section : string.Join(", ", members.Select(m => section + ":" + m));
            return $"{key}: {r.ErrorMessage}";
        });
        return ValidateOptionsResult.Fail(failures);
    }
}
