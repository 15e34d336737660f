using Edge.TestKit;
using Edge.Trainer.Cli;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Trainer.Tests.Cli;

/// <summary>Bad inputs tried: an empty data folder, a Complete Journey copy with a renamed column, a Ta-Feng file with text for an item.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task TrainOffers_EmptyDataFolder_ExitCode2NamingFile()
    {
        using var temp = new TempDirectory();
        var (code, error) = await RunAsync("train", "offers", "--data", temp.Path, "--report", temp.File("r.json"));
        Assert.Equal(TrainerApplication.BadInputExitCode, code);
        Assert.Contains("campaign_descriptions.csv: file is missing", error);
    }

    [RequiresSharedDataFact("retail/completejourney/demographics.csv")]
    public async Task TrainOffers_DemographicsColumnRenamed_ExitCode2NamingFileAndColumn()
    {
        using var temp = new TempDirectory();
        var folder = temp.Sub("completejourney");
        foreach (var file in Directory.GetFiles(Support.SharedData.CompleteJourney))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        var demographics = Path.Combine(folder, "demographics.csv");
        File.SetAttributes(demographics, FileAttributes.Normal);
        var lines = File.ReadAllLines(demographics);
        lines[0] = lines[0].Replace("\"kids_count\"", "\"children\"", StringComparison.Ordinal);
        File.WriteAllLines(demographics, lines);

        var (code, error) = await RunAsync("train", "offers", "--data", temp.Path, "--report", temp.File("r.json"));
        Assert.Equal(TrainerApplication.BadInputExitCode, code);
        Assert.Contains("demographics.csv: column 'kids_count' is missing", error);
    }

    [Fact]
    public async Task TrainNextBasket_ItemIsText_ExitCode2NamingFileAndUser()
    {
        using var temp = new TempDirectory();
        var folder = temp.Sub("tafeng");
        File.WriteAllText(Path.Combine(folder, "tafeng_history.json"), "{\"1\": [[-1], [0, \"milk\"], [-1]]}");
        File.WriteAllText(Path.Combine(folder, "tafeng_future.json"), "{\"1\": [[-1], [0], [-1]]}");
        var (code, error) = await RunAsync("train", "next-basket", "--seed", "1", "--data", temp.Path, "--report", temp.File("r.json"));
        Assert.Equal(TrainerApplication.BadInputExitCode, code);
        Assert.Contains("tafeng_history.json: user '1'", error);
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TrainerApplication.RunAsync(args, output, error, NullLoggerFactory.Instance, CancellationToken.None);
        return (code, error.ToString());
    }
}
