using System.CommandLine;
using Edge.Trainer.NextBasket;
using Edge.Trainer.Reports;

namespace Edge.Trainer.Cli;

/// <summary>train next-basket --seed N (one split) and evaluate next-basket --seeds 1 2 3 4 5 (mean over splits).</summary>
internal static class NextBasketCommand
{
    public static Command CreateTrain(TrainerContext context)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the random 72/8/20 user split.", Required = true };
        return Create("next-basket", "Tune TIFU-KNN on the validation users of one split and evaluate it as ONNX on the test users.", context, seed, r => [r.GetValue(seed)]);
    }

    public static Command CreateEvaluate(TrainerContext context)
    {
        var seeds = new Option<int[]>("--seeds") { Description = "Seeds of the splits to average over.", DefaultValueFactory = _ => [1, 2, 3, 4, 5], AllowMultipleArgumentsPerToken = true };
        return Create("next-basket", "Run the protocol over several seeds and report the mean (the published figures are means over 5 splits).", context, seeds, r => r.GetValue(seeds)!);
    }

    private static Command Create(string name, string description, TrainerContext context, Option seedOption, Func<ParseResult, int[]> seeds)
    {
        var data = CommonOptions.Data();
        var report = CommonOptions.Report("next-basket-report.json");
        var users = new Option<int?>("--users") { Description = "Use only the first N users (quick runs)." };
        var quick = new Option<bool>("--no-tuning") { Description = "Skip the grid: use m=7 rb=1 rg=0.6 k=300 alpha=0.7 beta=0.005." };
        var command = new Command(name, description) { seedOption, data, report, users, quick };
        command.SetAction((parse, cancellationToken) =>
        {
            var grid = parse.GetValue(quick) ? TuningGrid.Single(new TifuParameters(7, 1f, 0.6f, 300, 0.7f, 0.005f)) : TuningGrid.Default;
            var result = NextBasketRunner.Run(
                Path.Combine(parse.GetValue(data)!, "tafeng"),
                seeds(parse),
                grid,
                parse.GetValue(users),
                context.Sessions,
                context.Logger,
                cancellationToken);
            context.Output.Write(NextBasketRunner.FormatTable(result));
            var path = parse.GetValue(report)!;
            ReportFile.Write(path, result, ReportJsonContext.Default.NextBasketReport);
            TrainerLog.ReportWritten(context.Logger, path);
            return Task.FromResult(0);
        });
        return command;
    }
}
