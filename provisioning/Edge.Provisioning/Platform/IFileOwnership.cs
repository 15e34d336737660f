namespace Edge.Provisioning.Platform;

/// <summary>Gives a file to a system user (the service user for the hub key, mosquitto for its password file).</summary>
internal interface IFileOwnership
{
    /// <summary>
    /// Changes the owner when the user exists and we may (root). Returns what happened, for the output:
    /// null when the file now belongs to the user, otherwise the reason it was left as is.
    /// </summary>
    string? TryGiveTo(string path, string user);
}
