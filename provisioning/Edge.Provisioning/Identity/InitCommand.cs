using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Edge.Provisioning.Cli;
using Edge.Provisioning.IO;

namespace Edge.Provisioning.Identity;

/// <summary>
/// init: the hub's identity. Idempotent: run again with the same store and hub it keeps the key and issues a
/// fresh claim code (the old one may have expired); a different store or hub needs --force, because it throws
/// the old key (and any certificate issued for it) away.
/// </summary>
internal static class InitCommand
{
    public const string DefaultServiceUser = "store-edge";

    public static Command Create(GlobalOptions globals, ProvisioningServices services)
    {
        var store = new Option<string>("--store") { Description = "The store id (lower case, e.g. s042).", Required = true };
        var hub = new Option<string?>("--hub") { Description = "The hub id (default <store>-hub1)." };
        var validity = new Option<int>("--claim-minutes") { Description = "How long the claim code stays valid.", DefaultValueFactory = _ => (int)ClaimCodeGenerator.DefaultValidity.TotalMinutes };
        var serviceUser = new Option<string>("--service-user") { Description = "The user the services run as; it gets the key file.", DefaultValueFactory = _ => DefaultServiceUser };
        var force = new Option<bool>("--force") { Description = "Replace an identity made for another store or hub." };

        var command = new Command("init", "Create the hub's identity: ECDSA P-256 key, CSR and a claim code (text and QR).")
        {
            store, hub, validity, serviceUser, force,
        };
        CommandActions.Set(command, globals, services, (ctx, _) =>
        {
            var storeId = Identifiers.Require(ctx.Value(store), "store id");
            var hubId = Identifiers.Require(ctx.Value(hub) ?? storeId + "-hub1", "hub id");
            return Task.FromResult(Run(ctx, storeId, hubId, TimeSpan.FromMinutes(ctx.Value(validity)), ctx.Value(serviceUser)!, ctx.Value(force)));
        });
        return command;
    }

    private static int Run(CommandContext ctx, string storeId, string hubId, TimeSpan validity, string serviceUser, bool force)
    {
        var paths = ctx.Paths;
        var existing = HubIdentityFiles.ReadHubInfo(paths);
        if (existing is not null && (existing.StoreId != storeId || existing.HubId != hubId) && !force)
        {
            throw new CliException(
                $"this hub is already {existing.HubId} of store {existing.StoreId}; use --force to replace its identity",
                ExitCodes.Usage);
        }

        var keyStore = ctx.Services.CreateKeyStore(paths);
        var reuse = keyStore.Exists && existing is not null && !force;
        string? ownershipNote = null;
        using ECDsa key = reuse ? keyStore.Load() : keyStore.Create(serviceUser, out ownershipNote);

        var csr = CsrBuilder.Build(key, storeId, hubId);
        var claim = ClaimCodeGenerator.Issue(storeId, hubId, csr, validity, ctx.Time);

        AtomicFile.WriteAllText(paths.HubCsrFile, csr, AtomicFile.OwnerAndGroupRead);
        HubIdentityFiles.WriteHubInfo(paths, existing is not null && reuse ? existing : new HubInfo(storeId, hubId, ctx.Time.GetUtcNow()));
        HubIdentityFiles.WriteClaim(paths, claim);

        var output = ctx.Output;
        if (output.Json)
        {
            output.WriteJson(
                new InitResult(storeId, hubId, keyStore.Location, !reuse, ownershipNote, paths.HubCsrFile, claim.Code, claim.ExpiresAt, claim.QrPayload),
                ProvisioningJsonContext.Default.InitResult);
            return ExitCodes.Ok;
        }

        output.Success($"Hub {hubId} of store {storeId}: identity ready.");
        output.Line((reuse ? "Key kept:    " : "Key created: ") + keyStore.Location);
        if (ownershipNote is not null)
        {
            output.Warn("key file: " + ownershipNote);
        }

        output.Line("CSR:         " + paths.HubCsrFile);
        output.Line(string.Create(CultureInfo.InvariantCulture, $"Claim code:  {claim.Code}  (valid until {claim.ExpiresAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC)"));
        output.Qr(claim.QrPayload);
        output.Line("Scan the code with the store-IT app, or run `edge-provision claim` on the hub.");
        return ExitCodes.Ok;
    }
}
