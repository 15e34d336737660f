namespace Edge.Provisioning.Doctor;

/// <summary>The offer/alert model edge-agent scores with is installed and says which version it is.</summary>
internal sealed class ModelVersionCheck(string versionFile) : IDoctorCheck
{
    public string Name => "model version";

    public Task<CheckResult> RunAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(versionFile))
        {
            return Task.FromResult(CheckResult.Warn(Name, $"no model installed ({versionFile} missing): offers use the fallback rules", "the cloud pushes the model after claim; check cloud reachability"));
        }

        var version = File.ReadAllText(versionFile).Trim();
        return Task.FromResult(version.Length == 0
            ? CheckResult.Warn(Name, $"{versionFile} is empty", "reinstall the model (cloud-sync resyncs it)")
            : CheckResult.Ok(Name, version));
    }
}
