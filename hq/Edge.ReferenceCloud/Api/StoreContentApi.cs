using System.Text.Json;
using Edge.Contracts.Agent;
using Edge.ReferenceCloud.Bundles;
using Edge.ReferenceCloud.Catalogs;
using Edge.ReferenceCloud.Diagnostics;
using Edge.ReferenceCloud.Fleet;
using Edge.ReferenceCloud.Phone;
using Edge.ReferenceCloud.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Edge.ReferenceCloud.Api;

/// <summary>
/// What HQ sends a store (offer and product catalogs, prize budgets, model bundles), the phone player, and the
/// diagnostic bundles the store's hub sent (GET .../diagnostics: listing; .../diagnostics/latest or /{bundleId}: the
/// bundle). Every route
/// refuses an unknown store (404) and bad input (400) with the reason, counted in <see cref="ApiRefusals"/>.
/// </summary>
internal static class StoreContentApi
{
    public static IEndpointRouteBuilder MapStoreContentApi(this IEndpointRouteBuilder app)
    {
        var store = app.MapGroup("/api/stores/{storeId}");
        store.MapPut("/offers", (string storeId, JsonElement body, StoreCatalogs catalogs, StoreDirectory stores, ApiRefusals refusals, CancellationToken ct) =>
            SendAsync("offers", storeId, stores, refusals, () => catalogs.PublishOffersAsync(storeId, body, ct)));
        store.MapPut("/products", (string storeId, ProductCatalogUpdate body, StoreCatalogs catalogs, StoreDirectory stores, ApiRefusals refusals, CancellationToken ct) =>
            SendAsync("products", storeId, stores, refusals, () => catalogs.PublishProductsAsync(storeId, body, ct)));
        store.MapPut("/prize-budget", (string storeId, PrizeBudgetUpdate body, StoreCatalogs catalogs, StoreDirectory stores, ApiRefusals refusals, CancellationToken ct) =>
            SendAsync("prize-budget", storeId, stores, refusals, () => catalogs.PublishPrizeBudgetAsync(storeId, body, ct)));
        store.MapPost("/members/{memberId}/pair-kiosk", (string storeId, string memberId, PairKioskRequest body, KioskPairing pairing, StoreDirectory stores, ApiRefusals refusals, CancellationToken ct) =>
            SendAsync("pair-kiosk", storeId, stores, refusals, () => pairing.ConfirmAsync(storeId, memberId, body, ct)));
        store.MapPost("/model-bundles", (string storeId, ModelBundleRequest body, ModelBundlePublisher bundles, StoreDirectory stores, ApiRefusals refusals, CancellationToken ct) =>
            RunAsync("model-bundles", storeId, stores, refusals, async () =>
                Results.Json(await bundles.PublishAsync(storeId, body, ct).ConfigureAwait(false), CloudApiJsonContext.Default.ModelBundleSent)));
        store.MapPost("/members/{memberId}/walk", (string storeId, string memberId, WalkRequest body, PhonePlayer player, StoreDirectory stores, ApiRefusals refusals, CancellationToken ct) =>
            RunAsync("walk", storeId, stores, refusals, async () =>
                Results.Json(await player.StartWalkAsync(storeId, memberId, body, ct).ConfigureAwait(false), CloudApiJsonContext.Default.WalkStarted, statusCode: StatusCodes.Status202Accepted)));
        store.MapGet("/diagnostics", (string storeId, HubDiagnostics diagnostics, StoreDirectory stores, ApiRefusals refusals) =>
            RunAsync("diagnostics", storeId, stores, refusals, () => Task.FromResult(Results.Json(diagnostics.List(storeId), CloudApiJsonContext.Default.BundleListing))));
        store.MapGet("/diagnostics/{bundleId}", (string storeId, string bundleId, HubDiagnostics diagnostics, StoreDirectory stores, ApiRefusals refusals) =>
            RunAsync("diagnostics", storeId, stores, refusals, () => Task.FromResult(
                diagnostics.Find(storeId, bundleId == "latest" ? null : bundleId) is { } body
                    ? Results.Json(body, CloudApiJsonContext.Default.JsonElement)
                    : refusals.Refuse("diagnostics", StatusCodes.Status404NotFound, $"store '{storeId}' has sent no diagnostic bundle '{bundleId}'"))));
        app.MapGet("/api/hub-events", (HubEventCounters counters) => Results.Json(counters.Counts, CloudApiJsonContext.Default.IReadOnlyDictionaryStringInt64));
        app.MapGet("/api/refusals", (ApiRefusals refusals) => Results.Json(refusals.Counts, CloudApiJsonContext.Default.IReadOnlyDictionaryStringInt64));
        return app;
    }

    private static Task<IResult> SendAsync(string route, string storeId, StoreDirectory stores, ApiRefusals refusals, Func<Task<(string MessageId, long Sequence)>> send) =>
        RunAsync(route, storeId, stores, refusals, async () =>
        {
            var (id, sequence) = await send().ConfigureAwait(false);
            return Results.Json(new DownSent(id, sequence), CloudApiJsonContext.Default.DownSent);
        });

    /// <summary>Unknown store: 404; an unknown member (<see cref="KeyNotFoundException"/>): 404; bad input (<see cref="ArgumentException"/>): 400.</summary>
    private static async Task<IResult> RunAsync(string route, string storeId, StoreDirectory stores, ApiRefusals refusals, Func<Task<IResult>> work)
    {
        if (!stores.IsKnown(storeId))
        {
            return UnknownStore(route, storeId, refusals);
        }

        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (KeyNotFoundException e)
        {
            return refusals.Refuse(route, StatusCodes.Status404NotFound, e.Message);
        }
        catch (ArgumentException e)
        {
            return refusals.Refuse(route, StatusCodes.Status400BadRequest, e.Message);
        }
    }

    private static IResult UnknownStore(string route, string storeId, ApiRefusals refusals) =>
        refusals.Refuse(route, StatusCodes.Status404NotFound, $"store '{storeId}' is unknown: enter its claim code first (POST /api/claims)");
}
