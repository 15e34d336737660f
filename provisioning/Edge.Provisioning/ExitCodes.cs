namespace Edge.Provisioning;

/// <summary>Exit codes, following sysexits.h where one fits.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Warning = 3;
    public const int DataError = 65;
    public const int Unavailable = 69;
    public const int CantCreate = 73;
    public const int Config = 78;
}
