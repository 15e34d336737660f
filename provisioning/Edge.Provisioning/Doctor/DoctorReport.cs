using Edge.Provisioning.Output;

namespace Edge.Provisioning.Doctor;

/// <summary>doctor --json: every check, and the worst status that decided the exit code.</summary>
internal sealed record DoctorReport(Status Worst, IReadOnlyList<CheckResult> Checks);
