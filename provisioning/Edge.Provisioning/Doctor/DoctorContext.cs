using Edge.Provisioning.Paths;
using Edge.Provisioning.Platform;

namespace Edge.Provisioning.Doctor;

/// <summary>What the checks of one doctor run are built from.</summary>
internal sealed record DoctorContext(EdgePaths Paths, DoctorSettings Settings, TimeProvider Time, IProcessRunner Processes);
