using Edge.TestKit;
using Edge.Trainer.Data;

namespace Edge.Trainer.Tests.Data;

public sealed class CsvTableTests
{
    [Fact]
    public void Read_MissingFile_NamesFile()
    {
        using var temp = new TempDirectory();
        var ex = Assert.Throws<DataFormatException>(() => CsvTable.Read(temp.File("campaigns.csv"), "campaign_id"));
        Assert.Contains("campaigns.csv", ex.Message);
        Assert.Contains("missing", ex.Message);
    }

    [Fact]
    public void Read_RenamedColumn_NamesFileAndColumn()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("campaigns.csv"), "\"campaign\",\"household_id\"\n\"1\",\"105\"\n");
        var ex = Assert.Throws<DataFormatException>(() => CsvTable.Read(temp.File("campaigns.csv"), "campaign_id", "household_id"));
        Assert.Contains("campaigns.csv", ex.Message);
        Assert.Contains("'campaign_id'", ex.Message);
    }

    [Fact]
    public void Long_TextInNumericColumn_NamesColumnAndLine()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("c.csv"), "\"campaign_id\"\n\"1\"\n\"one\"\n");
        var table = CsvTable.Read(temp.File("c.csv"), "campaign_id");
        var ex = Assert.Throws<DataFormatException>(() => table.Long(1, table.Column("campaign_id")));
        Assert.Contains("'campaign_id' line 3", ex.Message);
    }

    [Fact]
    public void Long_RScientificNotation_ParsesWholeNumber()
    {
        // coupons.csv holds product_id "9e+05": R printed 900000 in scientific notation.
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("c.csv"), "product_id\n9e+05\n");
        var table = CsvTable.Read(temp.File("c.csv"), "product_id");
        Assert.Equal(900000, table.Long(0, 0));
    }

    [Fact]
    public void Split_QuotedCommaAndEscapedQuote_OneField()
    {
        Assert.Equal(["a,b", "say \"hi\"", ""], CsvTable.Split("\"a,b\",\"say \"\"hi\"\"\","));
    }

    [Fact]
    public void Read_RowWithExtraField_NamesLine()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("c.csv"), "a,b\n1,2\n1,2,3\n");
        var ex = Assert.Throws<DataFormatException>(() => CsvTable.Read(temp.File("c.csv"), "a"));
        Assert.Contains("line 3", ex.Message);
    }
}
