using System.Text.RegularExpressions;

namespace Edge.Provisioning.Identity;

/// <summary>
/// Store, hub, device and clerk ids end up in MQTT topics, mosquitto's password and ACL files and certificate
/// subjects, so they are restricted to characters that are harmless in all of them: no '/', '+', '#', ':',
/// whitespace or upper case.
/// </summary>
internal static partial class Identifiers
{
    public static string Require(string? value, string what)
    {
        if (string.IsNullOrEmpty(value) || !IdPattern().IsMatch(value))
        {
            throw new CliException(
                $"{what} '{value}' is not valid: use 1-32 lower-case letters, digits and '-', starting with a letter or digit",
                ExitCodes.Usage);
        }

        return value;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
