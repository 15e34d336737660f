// The whole store runs only on Linux (mosquitto, /proc, bash), and so does its test.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
