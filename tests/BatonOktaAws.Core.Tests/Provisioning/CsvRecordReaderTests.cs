using BatonOktaAws.Core.Provisioning;

namespace BatonOktaAws.Core.Tests.Provisioning;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Read_SpreadsheetSavedFile_DropsTheByteOrderMarkAndSplitsOnCrlf()
    {
        var records = CsvRecordReader.Read("\uFEFFdecision,grant\r\nrevoke,a\r\n,b\r\n").ToList();

        Assert.Equal([["decision", "grant"], ["revoke", "a"], ["", "b"]], records.Select(r => r.Cells));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.All(records, r => Assert.Null(r.Error));
    }

    [Fact]
    public void Read_QuotedCellsWithCommasQuotesAndLineBreaks_KeepThemAndNumberRecordsByTheirFirstLine()
    {
        var records = CsvRecordReader.Read("a,\"Nguyen, Alice\",c\r\n\"two\r\nlines, \"\"quoted\"\"\",x\nlast,\"\"\n").ToList();

        Assert.Equal(["a", "Nguyen, Alice", "c"], records[0].Cells);
        Assert.Equal(["two\nlines, \"quoted\"", "x"], records[1].Cells);
        Assert.Equal(["last", ""], records[2].Cells);
        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_OldMacLineEndsAndNoFinalLineBreak_ReadEveryRecord()
    {
        var records = CsvRecordReader.Read("h1,h2\rv1,v2\rv3,v4").ToList();

        Assert.Equal([["h1", "h2"], ["v1", "v2"], ["v3", "v4"]], records.Select(r => r.Cells));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_CommentsBlankLinesAndEmptyRows_AreCommentsOrBlank()
    {
        var records = CsvRecordReader.Read("# a \"quoted\" comment, with commas\nh\n\n,,,\nv\n").ToList();

        Assert.Equal([2, 3, 4, 5], records.Select(r => r.Line));
        Assert.Equal([false, true, true, false], records.Select(r => r.IsBlank));
    }

    [Fact]
    public void Read_SpacesAroundAQuotedCell_AreNotPartOfIt()
    {
        var record = Assert.Single(CsvRecordReader.Read("a,  \"b,c\"  ,d"));

        Assert.Equal(["a", "b,c", "d"], record.Cells);
        Assert.Null(record.Error);
    }

    [Fact]
    public void Read_TextAfterAClosingQuote_IsAnErrorForThatRecordOnly()
    {
        var records = CsvRecordReader.Read("\"ab\"c,d\nok,fine\n").ToList();

        Assert.StartsWith("cell 1 has text after its closing quote", records[0].Error, StringComparison.Ordinal);
        Assert.Null(records[1].Error);
    }

    [Fact]
    public void Read_AQuoteNeverClosed_IsAnErrorNamingTheLineItOpenedOn()
    {
        var records = CsvRecordReader.Read("h\nok\n\"open,\nnever closed\n").ToList();

        Assert.Equal(3, records[^1].Line);
        Assert.Equal("a quoted cell opened on line 3 is never closed (a missing \"), so the rest of the file cannot be read", records[^1].Error);
    }

    [Theory]
    [InlineData("'=SUM(A1)", "=SUM(A1)")]
    [InlineData("'-Ops", "-Ops")]
    [InlineData("'+1", "+1")]
    [InlineData("'@x", "@x")]
    [InlineData("'plain", "'plain")]
    [InlineData("'", "'")]
    [InlineData("Admin", "Admin")]
    public void Unescape_AFormulaGuard_IsTakenOffAndNothingElse(string cell, string expected) =>
        Assert.Equal(expected, CsvRecordReader.Unescape(cell));
}
