using System.Text.Json.Serialization;

namespace Edge.Trainer.Reports;

/// <summary>Source-generated JSON for the trainer's reports.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(NextBasketReport))]
[JsonSerializable(typeof(OfferReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
