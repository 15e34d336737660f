using Microsoft.Extensions.Options;

namespace Edge.BeaconGateway.Presence;

/// <summary>
/// The DataAnnotations of <see cref="PresenceOptions"/>, checked by code the options source generator writes (the
/// same messages as ValidateDataAnnotations, without reflection, so beacon-gateway can run as Native AOT).
/// </summary>
[OptionsValidator]
internal sealed partial class PresenceOptionsValidator : IValidateOptions<PresenceOptions>;
