using ClosedXML.Excel;
using Coordination.Core.Export;

namespace Coordination.Tests.Support;

/// <summary>Two quarterly workbooks read back, compared cell for cell (the cover names who made it and when: left out).</summary>
public static class WorkbookCells
{
    /// <summary>Asserts the same sheets and, on each but the cover, the same cells with the same shown values; returns how many cells were compared.</summary>
    public static int AssertSame(XLWorkbook expected, XLWorkbook actual)
    {
        Assert.Equal(expected.Worksheets.Select(w => w.Name), actual.Worksheets.Select(w => w.Name));
        var compared = 0;
        foreach (var sheet in expected.Worksheets.Where(w => w.Name != QuarterlyWorkbook.Cover))
        {
            var other = actual.Worksheet(sheet.Name);
            foreach (var cell in sheet.CellsUsed())
            {
                Assert.True(cell.GetFormattedString() == other.Cell(cell.Address.ToString()).GetFormattedString(), $"{sheet.Name}!{cell.Address}");
                compared++;
            }
            Assert.Equal(sheet.CellsUsed().Count(), other.CellsUsed().Count());
        }
        return compared;
    }
}
