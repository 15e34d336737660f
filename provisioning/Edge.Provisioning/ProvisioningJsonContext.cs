using System.Text.Json.Serialization;
using Edge.Provisioning.Claim;
using Edge.Provisioning.Devices;
using Edge.Provisioning.Doctor;
using Edge.Provisioning.Identity;
using Edge.Provisioning.Models;
using Edge.Provisioning.Tokens;
using Edge.Provisioning.Zones;

namespace Edge.Provisioning;

/// <summary>Source-generated JSON for the CLI's own files and its --json output (camelCase, like every Store Edge document).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HubInfo))]
[JsonSerializable(typeof(ClaimCode))]
[JsonSerializable(typeof(InitResult))]
[JsonSerializable(typeof(List<DeviceRecord>))]
[JsonSerializable(typeof(DeviceAddResult))]
[JsonSerializable(typeof(List<DeviceListItem>))]
[JsonSerializable(typeof(ZonesImportResult))]
[JsonSerializable(typeof(DoctorReport))]
[JsonSerializable(typeof(ClaimResult))]
[JsonSerializable(typeof(TokensIssueResult))]
[JsonSerializable(typeof(TokenShowResult))]
[JsonSerializable(typeof(ModelPromoteResult))]
internal sealed partial class ProvisioningJsonContext : JsonSerializerContext;
