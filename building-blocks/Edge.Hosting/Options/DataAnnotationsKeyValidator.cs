using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Edge.Hosting.Options;

/// <summary>
/// Runs DataAnnotations (and IValidatableObject) on an options instance and reports each failure with the
/// full configuration key, e.g. "EdgeAgent:Api:Url: must be a loopback address".
/// </summary>
internal sealed class DataAnnotationsKeyValidator<[DynamicallyAccessedMembers(StrictBinder.OptionsMembers)] TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    // TryValidateObject reads the options type's properties and their attributes by reflection; see the justification.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = StrictBinder.RootedOptionsJustification)]
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        // The display name given: the context does not look it up by reflection.
        var context = new ValidationContext(options, section, serviceProvider: null, items: null);
        if (Validator.TryValidateObject(options, context, results, validateAllProperties: true))
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
