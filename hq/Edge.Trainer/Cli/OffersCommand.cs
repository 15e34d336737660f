using System.CommandLine;

namespace Edge.Trainer.Cli;

/// <summary>train offers / evaluate offers.</summary>
internal static class OffersCommand
{
    public static Command CreateTrain(TrainerContext context)
    {
        _ = context;
        return new Command("offers", "Train the coupon redemption model on Complete Journey and write the signed bundle.");
    }

    public static Command CreateEvaluate(TrainerContext context)
    {
        _ = context;
        return new Command("offers", "Re-evaluate a bundle on the held-out campaigns through ONNX Runtime.");
    }
}
