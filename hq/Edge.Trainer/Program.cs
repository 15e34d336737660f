using Edge.Trainer.Cli;
using Serilog;

// edge-trainer: HQ's tool that trains the offer and next-basket models. Commands live in Cli/; this file only wires logging.
using var serilog = new LoggerConfiguration()
    .WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose)
    .CreateLogger();
using var loggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddSerilog(serilog));
return await TrainerApplication.RunAsync(args, Console.Out, Console.Error, loggerFactory, CancellationToken.None);
