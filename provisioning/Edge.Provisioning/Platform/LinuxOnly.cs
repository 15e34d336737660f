// The hub is Linux (Debian); file modes, signals and chown are part of what this tool does.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
