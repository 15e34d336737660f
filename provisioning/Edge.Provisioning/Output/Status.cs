namespace Edge.Provisioning.Output;

/// <summary>A doctor verdict; ordered so the worst one decides the exit code.</summary>
internal enum Status
{
    Ok = 0,
    Skip = 1,
    Warn = 2,
    Fail = 3,
}
