using Edge.Inference;
using Microsoft.Extensions.Logging;

namespace Edge.Trainer.Cli;

/// <summary>What every command needs: where to print, where to log, and how to load ONNX models.</summary>
internal sealed record TrainerContext(TextWriter Output, ILogger Logger, IInferenceSessionFactory Sessions);
