// HQ's dashboard runs on Linux beside the reference cloud (libmosquitto through Edge.Messaging).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
