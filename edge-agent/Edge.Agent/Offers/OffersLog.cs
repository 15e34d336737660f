namespace Edge.Agent.Offers;

internal static partial class OffersLog
{
    [LoggerMessage(2300, LogLevel.Warning, "Offer '{OfferId}' refused from the catalog: {Reason}")]
    public static partial void OfferRejected(ILogger logger, string offerId, string reason);

    [LoggerMessage(2301, LogLevel.Information, "Offer catalog {Path}: {Accepted} offers, {Rejected} refused")]
    public static partial void CatalogLoaded(ILogger logger, string path, int accepted, int rejected);

    [LoggerMessage(2302, LogLevel.Warning, "Offer catalog {Path} does not exist: no offers")]
    public static partial void CatalogMissing(ILogger logger, string path);

    [LoggerMessage(2303, LogLevel.Error, "Offer catalog {Path} is not valid JSON, no offers: {Reason}")]
    public static partial void CatalogUnreadable(ILogger logger, string path, string reason);

    [LoggerMessage(2310, LogLevel.Information, "Offer model {Version} loaded from {Directory} ({Features}), warm-up {WarmupMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string version, string directory, string features, double warmupMs);

    [LoggerMessage(2311, LogLevel.Error, "Offer model bundle {Directory} refused, {Keeping}: {Reason}")]
    public static partial void ModelRejected(ILogger logger, string directory, string keeping, string reason);

    [LoggerMessage(2312, LogLevel.Warning, "Offer model failed or timed out; the rules decided: {Reason}")]
    public static partial void ModelFellBack(ILogger logger, string reason);

    [LoggerMessage(2320, LogLevel.Information, "Offer decision {DecisionId} for member {MemberId} in {Zone}: {Outcome}")]
    public static partial void Decided(ILogger logger, string decisionId, string memberId, string zone, string outcome);

    [LoggerMessage(2321, LogLevel.Error, "Offer decision for member {MemberId} failed")]
    public static partial void DecisionFailed(ILogger logger, string memberId, Exception error);
}
