using System.ComponentModel.DataAnnotations;

namespace Edge.Hosting;

/// <summary>Section <c>Edge:Store</c>: which store and hub this is. Written by provisioning to /etc/store-edge/store.json.</summary>
public sealed class StoreOptions
{
    public const string Section = "Edge:Store";

    /// <summary>Store id as the loyalty cloud knows it; used in every cloud topic (retail/v1/{store}/...).</summary>
    [Required(ErrorMessage = "is required: set the store id (provisioning writes it to /etc/store-edge/store.json)")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "must be 1-32 lower-case letters, digits or '-' (it becomes an MQTT topic level)")]
    public string StoreId { get; set; } = string.Empty;

    [Required(ErrorMessage = "is required: set the hub id")]
    [RegularExpression("^[a-z0-9][a-z0-9-]{0,31}$", ErrorMessage = "must be 1-32 lower-case letters, digits or '-'")]
    public string HubId { get; set; } = string.Empty;
}
