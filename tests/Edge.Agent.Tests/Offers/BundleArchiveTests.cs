using System.Security.Cryptography;
using Edge.Agent.Offers;
using Edge.Contracts.Models;
using Edge.TestKit;

namespace Edge.Agent.Tests.Offers;

/// <summary>The bundle unpacker on its own. Bad archives tried: traversal, absolute path, sub-folder, link, unexpected and repeated names, over the size limit, empty, not a tar.</summary>
public sealed class BundleArchiveTests
{
    private static readonly (string, byte[])[] Good = CloudContentHarness.Files(CloudContentHarness.Bundle("v1", ECDsa.Create(ECCurve.NamedCurves.nistP256)));

    private static string? Extract(TempDirectory dir, byte[] archive, long max = 64 * 1024 * 1024)
    {
        File.WriteAllBytes(dir.File("bundle.tar"), archive);
        var target = dir.Sub("out-" + Guid.NewGuid().ToString("N"));
        try
        {
            BundleArchive.Extract(dir.File("bundle.tar"), target, max);
            return null;
        }
        catch (InvalidDataException e)
        {
            return e.Message;
        }
    }

    [Fact]
    public void Extract_ReferencePackedArchive_WritesTheThreeFiles()
    {
        using var dir = new TempDirectory();
        var target = dir.Sub("bundle");
        File.WriteAllBytes(dir.File("bundle.tar"), CloudContentHarness.Archive(Good));

        BundleArchive.Extract(dir.File("bundle.tar"), target, 64 * 1024 * 1024);

        Assert.Equal([ModelBundleFiles.Manifest, ModelBundleFiles.Signature, ModelBundleFiles.Model], Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Good[0].Item2, File.ReadAllBytes(Path.Combine(target, ModelBundleFiles.Model)));
    }

    [Theory]
    [InlineData("../model.onnx", "outside the bundle folder")]
    [InlineData("/tmp/model.onnx", "outside the bundle folder")]
    [InlineData("sub/model.onnx", "outside the bundle folder")]
    [InlineData("readme.txt", "not one of")]
    [InlineData(ModelBundleFiles.Manifest, "appears twice")]
    public void Extract_BadEntryName_RefusedWithReason(string name, string reason)
    {
        using var dir = new TempDirectory();
        var error = Extract(dir, CloudContentHarness.Archive([.. Good, (name, "x"u8.ToArray())]));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_LinkEmptyOversizeOrNotTar_Refused()
    {
        using var dir = new TempDirectory();
        Assert.Contains("SymbolicLink, not a regular file", Extract(dir, CloudContentHarness.Archive(Good.Skip(1), (ModelBundleFiles.Model, "/etc/passwd"))), StringComparison.Ordinal);
        Assert.Contains("no entries", Extract(dir, CloudContentHarness.Archive([])), StringComparison.Ordinal);
        Assert.Contains("over the limit", Extract(dir, CloudContentHarness.Archive(Good), max: 4096), StringComparison.Ordinal);
        Assert.NotNull(Extract(dir, [.. Enumerable.Repeat((byte)'x', 1024)]));
    }
}
