using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Tests.Support;

/// <summary>Records which files would be given to which user; tests must not chown files on the build machine.</summary>
internal sealed class FakeOwnership : IFileOwnership
{
    public List<(string Path, string User)> Given { get; } = [];

    public string? TryGiveTo(string path, string user)
    {
        Given.Add((path, user));
        return null;
    }
}
