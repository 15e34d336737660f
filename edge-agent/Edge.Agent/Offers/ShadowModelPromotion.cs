using Edge.Agent.Storage;

namespace Edge.Agent.Offers;

/// <summary>
/// Store IT's "the shadow model is good": it starts serving at once, and its folder becomes the stored serving bundle
/// so a restart keeps it (the shadow record goes). Two promotions at once: one wins, the other finds no shadow.
/// </summary>
internal sealed class ShadowModelPromotion(OfferModel model, AgentDatabase database, AgentWriter writer)
{
    /// <summary>The versions (serving now, replaced), or null when no shadow model is loaded.</summary>
    public async Task<(string Serving, string? Replaced)?> PromoteAsync(CancellationToken cancellationToken)
    {
        var folder = CloudContent.Read(database, CloudContent.ShadowBundle)?.Content;
        if (model.PromoteShadow() is not { } promoted)
        {
            return null;
        }

        if (folder is not null)
        {
            await writer.WriteAsync(
                tx =>
                {
                    CloudContent.Write(tx, CloudContent.ModelBundle, CloudContent.LastSequence(tx, CloudContent.ModelBundle), folder);
                    CloudContent.Remove(tx, CloudContent.ShadowBundle);
                },
                cancellationToken).ConfigureAwait(false);
        }

        return promoted;
    }
}
