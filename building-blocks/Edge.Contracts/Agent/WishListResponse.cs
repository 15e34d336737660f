namespace Edge.Contracts.Agent;

/// <summary>A member's wish list at this store, newest first; <see cref="Capacity"/> is the most it may hold (more: 409 "wish_list_full").</summary>
public sealed record WishListResponse(IReadOnlyList<ProductView> Products, int Capacity);
