namespace Edge.Agent.Offers;

/// <summary>Body of the down kind offer-catalog: the whole catalog (a down body must be an object, hence the wrapper).</summary>
internal sealed record OfferCatalogUpdate(OfferDefinition?[]? Offers);
