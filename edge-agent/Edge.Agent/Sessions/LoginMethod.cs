namespace Edge.Agent.Sessions;

internal static class LoginMethod
{
    public const string Proximity = "proximity";
    public const string Phone = "phone";
    public const string Qr = "qr";
}
