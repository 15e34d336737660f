using System.Text;

namespace Edge.Messaging;

/// <summary>
/// Topic name/filter validation and matching by the rules of MQTT 5.0 section 4.7 (identical to 3.1.1 section 4.7),
/// used to route received messages to handlers and to refuse bad topics before anything is sent.
/// </summary>
public static class MqttTopicFilter
{
    /// <summary>Spec 1.5.4: UTF-8 strings are prefixed by a two-byte length.</summary>
    public const int MaxLengthBytes = 65535;

    private const string SharePrefix = "$share/";

    /// <summary>Null when <paramref name="topic"/> is a valid topic name for PUBLISH, else why not.</summary>
    public static string? ValidateTopicName(string? topic)
    {
        if (string.IsNullOrEmpty(topic))
        {
            return "a topic name must be at least one character long (spec 4.7.3).";
        }

        if (CommonError(topic) is { } error)
        {
            return error;
        }

        if (topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            return $"the topic name '{Shorten(topic)}' contains a wildcard (+ or #), allowed only in subscriptions (spec 4.7.1).";
        }

        return null;
    }

    /// <summary>Null when <paramref name="filter"/> is a valid SUBSCRIBE topic filter (shared subscriptions included), else why not.</summary>
    public static string? ValidateFilter(string? filter)
    {
        if (string.IsNullOrEmpty(filter))
        {
            return "a topic filter must be at least one character long (spec 4.7.3).";
        }

        if (CommonError(filter) is { } error)
        {
            return error;
        }

        var body = filter.AsSpan();
        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            // Spec 4.8.2: $share/{ShareName}/{filter}; ShareName has at least one character and no / + #.
            var rest = body[SharePrefix.Length..];
            var slash = rest.IndexOf('/');
            if (slash <= 0)
            {
                return $"the shared subscription '{Shorten(filter)}' needs a share name and a filter: $share/{{group}}/{{filter}} (spec 4.8.2).";
            }

            if (rest[..slash].IndexOfAny('+', '#') >= 0)
            {
                return $"the share name in '{Shorten(filter)}' must not contain + or # (spec 4.8.2).";
            }

            body = rest[(slash + 1)..];
            if (body.IsEmpty)
            {
                return $"the shared subscription '{Shorten(filter)}' has an empty topic filter (spec 4.8.2).";
            }
        }

        foreach (var range in body.Split('/'))
        {
            var part = body[range];
            var isLast = range.End.GetOffset(body.Length) == body.Length;
            if (part.IndexOf('#') >= 0 && (part.Length != 1 || !isLast))
            {
                return $"'#' in '{Shorten(filter)}' must be the last level and stand alone (spec 4.7.1.2).";
            }

            if (part.IndexOf('+') >= 0 && part.Length != 1)
            {
                return $"'+' in '{Shorten(filter)}' must occupy an entire level (spec 4.7.1.3).";
            }

        }

        return null;
    }

    public static bool IsValidTopicName(string? topic) => ValidateTopicName(topic) is null;

    public static bool IsValidFilter(string? filter) => ValidateFilter(filter) is null;

    /// <summary>
    /// True when <paramref name="topic"/> (a topic name) matches <paramref name="filter"/>. A shared subscription
    /// filter matches as its inner filter. Filters starting with a wildcard do not match topics starting with '$'
    /// (spec 4.7.2). Invalid input throws <see cref="ArgumentException"/>.
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        if (ValidateFilter(filter) is { } filterError)
        {
            throw new ArgumentException(filterError, nameof(filter));
        }

        if (ValidateTopicName(topic) is { } topicError)
        {
            throw new ArgumentException(topicError, nameof(topic));
        }

        var f = filter.AsSpan();
        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            var rest = f[SharePrefix.Length..];
            f = rest[(rest.IndexOf('/') + 1)..];
        }

        var t = topic.AsSpan();
        if (t[0] == '$' && (f[0] is '+' or '#'))
        {
            return false;
        }

        while (true)
        {
            var fSlash = f.IndexOf('/');
            var fLevel = fSlash < 0 ? f : f[..fSlash];
            if (fLevel is "#")
            {
                // "sport/#" also matches "sport" itself: the parent level (spec 4.7.1.2).
                return true;
            }

            var tSlash = t.IndexOf('/');
            var tLevel = tSlash < 0 ? t : t[..tSlash];
            if (fLevel is not "+" && !fLevel.SequenceEqual(tLevel))
            {
                return false;
            }

            if (fSlash < 0 || tSlash < 0)
            {
                // Both must end here, except that "a/#" matches "a" (filter has one more level, which is #).
                return (fSlash < 0 && tSlash < 0) || (tSlash < 0 && f[(fSlash + 1)..] is "#");
            }

            f = f[(fSlash + 1)..];
            t = t[(tSlash + 1)..];
        }
    }

    private static string? CommonError(string value)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            return "a topic must not contain the null character U+0000 (spec 4.7.3).";
        }

        int bytes;
        try
        {
            bytes = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(value);
        }
        catch (EncoderFallbackException)
        {
            return "a topic must be well-formed UTF-8 (it contains an unpaired surrogate; spec 1.5.4).";
        }

        return bytes > MaxLengthBytes
            ? $"a topic must be at most {MaxLengthBytes} bytes of UTF-8; this one has {bytes} (spec 1.5.4)."
            : null;
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "...";
}
