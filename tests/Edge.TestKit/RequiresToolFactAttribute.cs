using Xunit;

namespace Edge.TestKit;

/// <summary>
/// A fact that skips, saying what is missing and how to install it, when an external program is not on
/// the machine. CI installs everything (./edge test runs scripts/setup.sh first), so there it never skips.
/// </summary>
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string program, string debianPackage)
    {
        if (ExternalTools.MissingReason(program, debianPackage) is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that needs the real mosquitto broker.</summary>
public sealed class RequiresMosquittoFactAttribute : FactAttribute
{
    public RequiresMosquittoFactAttribute()
    {
        if (ExternalTools.MissingReason("mosquitto", "mosquitto") is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A fact that needs ../shared/data (real captures and data sets kept outside the repository).</summary>
public sealed class RequiresSharedDataFactAttribute : FactAttribute
{
    public RequiresSharedDataFactAttribute(string relativePath)
    {
        var root = ExternalTools.SharedData;
        if (root is null || !Path.Exists(Path.Combine(root, relativePath)))
        {
            Skip = $"../shared/data/{relativePath} is missing: check out shared/ beside the repository or set EDGE_SHARED_DATA";
        }
    }
}
