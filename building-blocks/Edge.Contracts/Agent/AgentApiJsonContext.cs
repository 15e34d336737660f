using System.Text.Json;
using System.Text.Json.Serialization;

namespace Edge.Contracts.Agent;

/// <summary>Source-generated JSON of the local HTTP API (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApiError))]
[JsonSerializable(typeof(AgentStatusResponse))]
[JsonSerializable(typeof(ShadowModelPromoted))]
[JsonSerializable(typeof(ProximityLoginRequest))]
[JsonSerializable(typeof(PhoneLoginRequest))]
[JsonSerializable(typeof(QrLoginRequest))]
[JsonSerializable(typeof(LoginResponse))]
[JsonSerializable(typeof(MemberSummary))]
[JsonSerializable(typeof(MemberOffersResponse))]
[JsonSerializable(typeof(OfferView))]
[JsonSerializable(typeof(RedeemRequest))]
[JsonSerializable(typeof(RedeemResponse))]
[JsonSerializable(typeof(PosReceipt))]
[JsonSerializable(typeof(PosReceiptResult))]
[JsonSerializable(typeof(ProductReviews))]
[JsonSerializable(typeof(PostReviewRequest))]
[JsonSerializable(typeof(PostReviewResponse))]
[JsonSerializable(typeof(CheckInResponse))]
[JsonSerializable(typeof(PrizeDrawResponse))]
[JsonSerializable(typeof(SpinResponse))]
[JsonSerializable(typeof(ShareVisitResponse))]
[JsonSerializable(typeof(AchievementsResponse))]
[JsonSerializable(typeof(WishListResponse))]
[JsonSerializable(typeof(ProductView))]
[JsonSerializable(typeof(ProductSearchResponse))]
[JsonSerializable(typeof(ClerkStatusRequest))]
[JsonSerializable(typeof(ClaimAlertRequest))]
[JsonSerializable(typeof(ClaimAlertResponse))]
public sealed partial class AgentApiJsonContext : JsonSerializerContext;
