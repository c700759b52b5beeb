using Coordination.Core;

namespace Coordination.Tests.Domain;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2026Q3", 2026, 3)]
    [InlineData("2026q1", 2026, 1)]
    [InlineData("2000Q4", 2000, 4)]
    public void Quarter_is_parsed_from_its_written_form(string text, int year, int number) =>
        Assert.Equal(new Quarter(year, number), Quarter.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("26Q1")]
    [InlineData("2026-Q3")]
    [InlineData("1999Q1")]
    [InlineData("2026Q3 ")]
    [InlineData("+026Q3")]
    public void Malformed_quarter_is_not_parsed(string? text)
    {
        Assert.False(Quarter.TryParse(text, out _));
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => Quarter.Parse(text));
        }
    }

    [Fact]
    public void Quarter_is_written_like_2026Q3() =>
        Assert.Equal("2026Q3", new Quarter(2026, 3).ToString());

    [Theory]
    [InlineData(1, "2026-01-01", "2026-03-31")]
    [InlineData(2, "2026-04-01", "2026-06-30")]
    [InlineData(3, "2026-07-01", "2026-09-30")]
    [InlineData(4, "2026-10-01", "2026-12-31")]
    public void Quarter_runs_from_its_first_to_its_last_day(int number, string first, string last)
    {
        var q = new Quarter(2026, number);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), q.FirstDay);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), q.LastDay);
    }

    [Fact]
    public void First_quarter_of_a_leap_year_ends_on_the_31st_of_March() =>
        Assert.Equal(new DateOnly(2028, 3, 31), new Quarter(2028, 1).LastDay);

    [Theory]
    [InlineData("2026-11-20", "2026Q4")]
    [InlineData("2026-01-01", "2026Q1")]
    [InlineData("2026-03-31", "2026Q1")]
    [InlineData("2026-04-01", "2026Q2")]
    public void Date_falls_in_its_quarter(string date, string quarter)
    {
        var d = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(Quarter.Parse(quarter), Quarter.Of(d));
        Assert.True(Quarter.Parse(quarter).Contains(d));
    }

    [Fact]
    public void Quarter_does_not_contain_the_days_around_it()
    {
        var q = new Quarter(2026, 3);
        Assert.False(q.Contains(new DateOnly(2026, 6, 30)));
        Assert.False(q.Contains(new DateOnly(2026, 10, 1)));
    }

    [Fact]
    public void Previous_of_the_first_quarter_is_the_last_of_the_year_before()
    {
        Assert.Equal(new Quarter(2025, 4), new Quarter(2026, 1).Previous);
        Assert.Equal(new Quarter(2026, 2), new Quarter(2026, 3).Previous);
    }

    [Fact]
    public void Quarters_sort_by_year_then_number()
    {
        Quarter[] quarters = [Quarter.Parse("2026Q1"), Quarter.Parse("2025Q4"), Quarter.Parse("2026Q3"), Quarter.Parse("2025Q1")];
        Assert.Equal(["2025Q1", "2025Q4", "2026Q1", "2026Q3"], quarters.Order().Select(q => q.ToString()));
    }
}
