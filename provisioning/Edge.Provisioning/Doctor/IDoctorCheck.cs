namespace Edge.Provisioning.Doctor;

/// <summary>One thing doctor looks at. A check never throws for what it finds: it returns FAIL with what to do.</summary>
internal interface IDoctorCheck
{
    string Name { get; }

    Task<CheckResult> RunAsync(CancellationToken cancellationToken);
}
