// The reference cloud runs beside hubs on Linux (files 0600 through UnixCreateMode).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
