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

    [LoggerMessage(2304, LogLevel.Warning, "Offer catalog from the cloud refused, the current one stays: {Reason}")]
    public static partial void CloudCatalogRefused(ILogger logger, string reason);

    [LoggerMessage(2305, LogLevel.Information, "Offer catalog from the cloud (sequence {Sequence}) in force: {Accepted} offers, {Rejected} refused")]
    public static partial void CloudCatalogApplied(ILogger logger, long sequence, int accepted, int rejected);

    [LoggerMessage(2306, LogLevel.Information, "Offer catalog sequence {Sequence} from the cloud restored: {Accepted} offers")]
    public static partial void CloudCatalogRestored(ILogger logger, long sequence, int accepted);

    [LoggerMessage(2310, LogLevel.Information, "Offer model {Version} loaded from {Directory} ({Features}), warm-up {WarmupMs} ms")]
    public static partial void ModelLoaded(ILogger logger, string version, string directory, string features, double warmupMs);

    [LoggerMessage(2311, LogLevel.Error, "Offer model bundle {Directory} refused, {Keeping}: {Reason}")]
    public static partial void ModelRejected(ILogger logger, string directory, string keeping, string reason);

    [LoggerMessage(2313, LogLevel.Error, "Model bundle {BundleId} from the cloud refused, {Keeping}: {Reason}")]
    public static partial void CloudBundleRefused(ILogger logger, string bundleId, string keeping, string reason);

    [LoggerMessage(2314, LogLevel.Warning, "Old model bundle folder {Directory} could not be deleted: {Reason}")]
    public static partial void BundlePruneFailed(ILogger logger, string directory, string reason);

    [LoggerMessage(2315, LogLevel.Warning, "Model bundle {Directory} from the cloud no longer loads, falling back to the configured bundle")]
    public static partial void CloudBundleUnavailable(ILogger logger, string directory);

    [LoggerMessage(2316, LogLevel.Information, "Offer model {Version} loaded from {Directory} as the shadow beside {Serving}, warm-up {WarmupMs} ms")]
    public static partial void ShadowLoaded(ILogger logger, string version, string directory, string serving, double warmupMs);

    [LoggerMessage(2317, LogLevel.Warning, "Shadow offer model {Version} promoted: it serves now, replacing {Replaced}")]
    public static partial void ShadowPromoted(ILogger logger, string version, string replaced);

    [LoggerMessage(2318, LogLevel.Warning, "Shadow offer model {Version} failed to score; the decision is unaffected: {Reason}")]
    public static partial void ShadowFailed(ILogger logger, string version, string reason);

    [LoggerMessage(2322, LogLevel.Information, "Offer decision {DecisionId}: serving {Serving} picks {ServingOffer} (p={ServingProbability:F3}), shadow {Shadow} picks {ShadowOffer} (p={ShadowProbability:F3})")]
    public static partial void ShadowCompared(ILogger logger, string decisionId, string serving, string servingOffer, double servingProbability, string shadow, string shadowOffer, double shadowProbability);

    [LoggerMessage(2312, LogLevel.Warning, "Offer model failed or timed out; the rules decided: {Reason}")]
    public static partial void ModelFellBack(ILogger logger, string reason);

    [LoggerMessage(2320, LogLevel.Information, "Offer decision {DecisionId} for member {MemberId} in {Zone}: {Outcome}")]
    public static partial void Decided(ILogger logger, string decisionId, string memberId, string zone, string outcome);

    [LoggerMessage(2321, LogLevel.Error, "Offer decision for member {MemberId} failed")]
    public static partial void DecisionFailed(ILogger logger, string memberId, Exception error);
}
