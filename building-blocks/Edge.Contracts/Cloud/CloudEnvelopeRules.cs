using System.Text.RegularExpressions;

namespace Edge.Contracts.Cloud;

/// <summary>Limits both ends check, so a message the hub accepts is one the cloud accepts too.</summary>
public static partial class CloudEnvelopeRules
{
    /// <summary>Streams, kinds and command names: lower-case, digits and '-', 1-64 characters.</summary>
    public const string NamePattern = "^[a-z0-9][a-z0-9-]{0,63}$";

    public const string MessageIdPattern = "^[A-Za-z0-9._:-]{1,128}$";

    public const string TypePattern = "^[a-z0-9][a-z0-9._-]{0,63}$";

    /// <summary>Largest local outbox payload.</summary>
    public const int MaxOutboxEventBytes = 64 * 1024;

    /// <summary>Largest downstream payload (one model bundle chunk included).</summary>
    public const int MaxDownPayloadBytes = 256 * 1024;

    public static bool IsValidName(string? name) => name is not null && NameRegex().IsMatch(name);

    public static bool IsValidMessageId(string? id) => id is not null && MessageIdRegex().IsMatch(id);

    public static bool IsValidType(string? type) => type is not null && TypeRegex().IsMatch(type);

    [GeneratedRegex(NamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex(MessageIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdRegex();

    [GeneratedRegex(TypePattern, RegexOptions.CultureInvariant)]
    private static partial Regex TypeRegex();
}
