using System.CommandLine;
using Edge.Trainer.Offers;
using Edge.Trainer.Reports;

namespace Edge.Trainer.Cli;

/// <summary>train offers (fit, measure, optionally write the signed bundle) and evaluate offers (verify and re-measure a bundle).</summary>
internal static class OffersCommand
{
    public static Command CreateTrain(TrainerContext context)
    {
        var data = CommonOptions.Data();
        var report = CommonOptions.Report("offers-report.json");
        var bundle = new Option<string?>("--bundle") { Description = "Write the signed bundle (model.onnx, manifest.json, manifest.sig, signing-public-key.pem) into this folder." };
        var signingKey = new Option<string?>("--signing-key") { Description = "PEM P-256 private key to sign with; without it the published dev key signs (development only)." };
        var households = new Option<int?>("--households") { Description = "Use only households whose id % 1000 is below N (quick runs)." };
        var command = new Command("offers", "Train the coupon redemption model on Complete Journey, print its metrics against the baselines, write a JSON report and optionally the signed bundle.")
        {
            data, report, bundle, signingKey, households,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var folder = Path.Combine(parse.GetValue(data)!, "completejourney");
            var (result, training) = OfferRunner.Train(folder, parse.GetValue(households), context.Sessions, context.Logger, cancellationToken);
            context.Output.Write(OfferRunner.FormatTable(result));
            if (parse.GetValue(bundle) is { } bundleFolder)
            {
                var keyPath = parse.GetValue(signingKey);
                if (keyPath is null)
                {
                    TrainerLog.DevKeyUsed(context.Logger);
                }

                using var key = keyPath is null ? DevSigningKey.Create() : DevSigningKey.Load(keyPath);
                var manifest = OfferBundleWriter.Write(bundleFolder, training, result.Data, key);
                TrainerLog.BundleWritten(context.Logger, bundleFolder, manifest.ModelSha256);
            }

            var path = parse.GetValue(report)!;
            ReportFile.Write(path, result, ReportJsonContext.Default.OfferReport);
            TrainerLog.ReportWritten(context.Logger, path);
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command CreateEvaluate(TrainerContext context)
    {
        var data = CommonOptions.Data();
        var report = CommonOptions.Report("offers-evaluation.json");
        var bundle = new Option<string>("--bundle") { Description = "The bundle folder to check.", Required = true };
        var publicKey = new Option<string?>("--public-key") { Description = "PEM public key to verify with (default: the bundle's signing-public-key.pem)." };
        var command = new Command("offers", "Verify a bundle's signature and schema, and re-measure it on the held-out campaigns through ONNX Runtime.") { data, report, bundle, publicKey };
        command.SetAction((parse, cancellationToken) =>
        {
            var bundleFolder = parse.GetValue(bundle)!;
            var result = OfferRunner.Evaluate(
                bundleFolder,
                parse.GetValue(publicKey) ?? Path.Combine(bundleFolder, OfferBundleWriter.PublicKeyFile),
                Path.Combine(parse.GetValue(data)!, "completejourney"),
                context.Sessions,
                cancellationToken);
            context.Output.Write(OfferRunner.FormatTable(result));
            var path = parse.GetValue(report)!;
            ReportFile.Write(path, result, ReportJsonContext.Default.OfferReport);
            TrainerLog.ReportWritten(context.Logger, path);
            return Task.FromResult(0);
        });
        return command;
    }
}
