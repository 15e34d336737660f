// Runs beside the hub services on Linux.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
