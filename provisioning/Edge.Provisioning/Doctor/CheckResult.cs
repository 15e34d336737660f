using Edge.Provisioning.Output;

namespace Edge.Provisioning.Doctor;

/// <summary>A verdict, what was seen, and what store IT should do about it (null when nothing).</summary>
internal sealed record CheckResult(string Check, Status Status, string Detail, string? Action = null)
{
    public static CheckResult Ok(string check, string detail) => new(check, Status.Ok, detail);

    public static CheckResult Warn(string check, string detail, string action) => new(check, Status.Warn, detail, action);

    public static CheckResult Fail(string check, string detail, string action) => new(check, Status.Fail, detail, action);

    public static CheckResult Skip(string check, string detail) => new(check, Status.Skip, detail);
}
