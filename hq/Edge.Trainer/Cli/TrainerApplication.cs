using System.CommandLine;
using Edge.Inference;
using Edge.Trainer.Data;
using Microsoft.Extensions.Logging;

namespace Edge.Trainer.Cli;

/// <summary>Builds the command tree (train offers, train next-basket, evaluate ...) and turns bad input into one clear line.</summary>
internal static class TrainerApplication
{
    public const int BadInputExitCode = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger("Edge.Trainer");
        var sessions = new InferenceSessionFactory(new InferenceOptions { Session = new InferenceSessionOptions { IntraOpNumThreads = 1 } }, loggerFactory);
        var context = new TrainerContext(output, logger, sessions);
        var root = new RootCommand("edge-trainer: train the offer and next-basket models on real shopping data and write ONNX bundles.");
        var train = new Command("train", "Train a model, print its metrics and write a JSON report.");
        train.Subcommands.Add(OffersCommand.CreateTrain(context));
        train.Subcommands.Add(NextBasketCommand.CreateTrain(context));
        var evaluate = new Command("evaluate", "Evaluate over several seeds or re-check a bundle, print metrics and write a JSON report.");
        evaluate.Subcommands.Add(OffersCommand.CreateEvaluate(context));
        evaluate.Subcommands.Add(NextBasketCommand.CreateEvaluate(context));
        root.Subcommands.Add(train);
        root.Subcommands.Add(evaluate);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (DataFormatException ex)
        {
            TrainerLog.BadInput(logger, ex.Message);
            await error.WriteLineAsync("edge-trainer: " + ex.Message).ConfigureAwait(false);
            return BadInputExitCode;
        }
    }
}
