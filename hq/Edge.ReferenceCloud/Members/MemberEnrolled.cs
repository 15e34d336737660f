namespace Edge.ReferenceCloud.Members;

internal sealed record MemberEnrolled(string MemberId, long Sequence, string RotatingIdKey);
