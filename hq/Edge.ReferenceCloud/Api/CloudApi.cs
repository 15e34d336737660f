using System.Text.Json;
using Edge.Contracts.Cloud;
using Edge.ReferenceCloud.Claims;
using Edge.ReferenceCloud.Downstream;
using Edge.ReferenceCloud.Members;
using Edge.ReferenceCloud.Upstream;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Edge.ReferenceCloud.Api;

/// <summary>The reference cloud's HTTP API for HQ staff, the demo and tests (loopback only; no authentication).</summary>
internal static class CloudApi
{
    private const int MaxDownBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapCloudApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapPost("/claims", (ExpectClaimRequest request, ClaimBook book) =>
        {
            if (string.IsNullOrWhiteSpace(request.StoreId) || string.IsNullOrWhiteSpace(request.Code) || request.ValidForMinutes is < 1 or > 7 * 24 * 60)
            {
                return Results.Problem("storeId and code are required; validForMinutes is 1 to 10080", statusCode: StatusCodes.Status400BadRequest);
            }

            book.Expect(request.StoreId, request.Code, TimeSpan.FromMinutes(request.ValidForMinutes));
            return Results.NoContent();
        });
        api.MapGet("/stores/{storeId}/events", (string storeId, string? stream, int? limit, EventLedger ledger) =>
            Results.Json(ledger.Read(storeId, stream, Math.Clamp(limit ?? 1000, 1, 100_000)), CloudApiJsonContext.Default.IReadOnlyListReceivedEvent));
        api.MapPost("/stores/{storeId}/down/{kind}", async (string storeId, string kind, string? messageId, HttpRequest request, DownPublisher publisher, CancellationToken ct) =>
        {
            if (!DownKinds.All.Contains(kind))
            {
                return Results.Problem($"unknown kind '{kind}'; one of {string.Join(", ", DownKinds.All)}", statusCode: StatusCodes.Status400BadRequest);
            }

            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct).ConfigureAwait(false);
            if (body.Length is 0 or > MaxDownBytes || !IsJson(body.GetBuffer().AsSpan(0, (int)body.Length)))
            {
                return Results.Problem($"the body must be a JSON document of at most {MaxDownBytes} bytes", statusCode: StatusCodes.Status400BadRequest);
            }

            var (id, sequence) = await publisher.PublishAsync(storeId, kind, body.ToArray(), messageId, ct).ConfigureAwait(false);
            return Results.Json(new DownSent(id, sequence), CloudApiJsonContext.Default.DownSent);
        });
        api.MapPost("/stores/{storeId}/members", async (string storeId, EnrolMemberRequest request, MemberRegistry members, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(request.MemberId) || string.IsNullOrWhiteSpace(request.FirstName) || request.Consent is null
                || request.Pin is { } pin && (pin.Length != 4 || !pin.All(char.IsAsciiDigit)))
            {
                return Results.Problem("memberId, firstName and consent are required; a pin is 4 digits", statusCode: StatusCodes.Status400BadRequest);
            }

            try
            {
                return Results.Json(await members.EnrolAsync(storeId, request, ct).ConfigureAwait(false), CloudApiJsonContext.Default.MemberEnrolled);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
        api.MapDelete("/stores/{storeId}/members/{memberId}", async (string storeId, string memberId, MemberRegistry members, CancellationToken ct) =>
            await members.RevokeAsync(storeId, memberId, ct).ConfigureAwait(false) is { } sequence
                ? Results.Json(new DownSent($"member:{memberId}:revoke", sequence), CloudApiJsonContext.Default.DownSent)
                : Results.NotFound());
        api.MapGet("/down-signing-key", (DownSigningKey key) => Results.Text(key.PublicKeyPem, "application/x-pem-file"));
        api.MapGet("/model-signing-key", (Bundles.ModelSigningKey key) => Results.Text(key.Key.PublicKeyPem, "application/x-pem-file"));
        api.MapGet("/fleet-ca", (FleetCa ca) => Results.Text(ca.Certificate.ExportCertificatePem(), "application/x-pem-file"));
        return app;
    }

    private static bool IsJson(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        try
        {
            return JsonDocument.TryParseValue(ref reader, out var document) && document is not null && DisposeTrue(document);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool DisposeTrue(JsonDocument document)
    {
        document.Dispose();
        return true;
    }
}
