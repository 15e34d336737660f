namespace Edge.ReferenceCloud.Claims;

internal enum ClaimCheck
{
    Valid,
    Unknown,
    Expired,
    UsedByAnotherHub,
}
