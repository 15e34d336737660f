using Microsoft.Extensions.Logging;

namespace Edge.Trainer;

/// <summary>The trainer's log events (ids 9000-9099).</summary>
internal static partial class TrainerLog
{
    [LoggerMessage(EventId = 9000, Level = LogLevel.Information, Message = "Loaded {Dataset}: {Rows} rows from {Folder}")]
    public static partial void Loaded(ILogger logger, string dataset, int rows, string folder);

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Seed {Seed}: frequency baseline Recall@10 {Recall10:F4} NDCG@10 {Ndcg10:F4}")]
    public static partial void FrequencyBaseline(ILogger logger, int seed, double recall10, double ndcg10);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Seed {Seed}: tuned on validation users {Parameters}, Recall@10 {Recall10:F4}")]
    public static partial void Tuned(ILogger logger, int seed, string parameters, double recall10);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "Seed {Seed}: ONNX model Recall@10 {Recall10:F4} NDCG@10 {Ndcg10:F4}, max |ONNX - C#| {MaxDiff:E2}")]
    public static partial void ModelEvaluated(ILogger logger, int seed, double recall10, double ndcg10, double maxDiff);

    [LoggerMessage(EventId = 9010, Level = LogLevel.Information, Message = "Offers: {TrainRows} training pairs ({TrainPositives} redeemed), {TestRows} test pairs ({TestPositives} redeemed), split at {SplitDate}")]
    public static partial void OfferSplit(ILogger logger, int trainRows, int trainPositives, int testRows, int testPositives, DateOnly splitDate);

    [LoggerMessage(EventId = 9011, Level = LogLevel.Information, Message = "Offers: logistic regression converged after {Iterations} Newton steps (change {Change:E2})")]
    public static partial void OfferTrained(ILogger logger, int iterations, double change);

    [LoggerMessage(EventId = 9012, Level = LogLevel.Information, Message = "Offers: bundle written to {Folder} (model sha256 {ModelSha256})")]
    public static partial void BundleWritten(ILogger logger, string folder, string modelSha256);

    [LoggerMessage(EventId = 9013, Level = LogLevel.Warning, Message = "Offers: signing with the public dev key derived from a documented seed; never ship this key to production stores")]
    public static partial void DevKeyUsed(ILogger logger);

    [LoggerMessage(EventId = 9020, Level = LogLevel.Error, Message = "Bad input: {Problem}")]
    public static partial void BadInput(ILogger logger, string problem);

    [LoggerMessage(EventId = 9021, Level = LogLevel.Information, Message = "Report written to {Path}")]
    public static partial void ReportWritten(ILogger logger, string path);
}
