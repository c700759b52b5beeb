using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Screenings;

namespace Coordination.Tests.Domain;

public sealed class EnumKeysTests
{
    [Fact]
    public void Member_names_become_kebab_case_keys()
    {
        Assert.Equal("left-behind", ChildCategory.LeftBehind.Key());
        Assert.Equal("de-facto-unsupported", ChildCategory.DeFactoUnsupported.Key());
        Assert.Equal("seriously-ill", ChildCategory.SeriouslyIll.Key());
        Assert.Equal("health-check", ScreeningKind.HealthCheck.Key());
        Assert.Equal("school-survey", ScreeningKind.SchoolSurvey.Key());
        Assert.Equal("urgent", RiskLevel.Urgent.Key());
        Assert.Equal("guardianship", Need.Guardianship.Key());
    }

    [Fact]
    public void The_published_keys_are_exactly_the_contract()
    {
        Assert.Equal(
            ["left-behind", "in-difficulty", "de-facto-unsupported", "orphan", "low-income", "disabled", "seriously-ill"],
            EnumKeys.All<ChildCategory>().Select(c => c.Key()));
        Assert.Equal(["household", "psychological", "health-check", "school-survey"], EnumKeys.All<ScreeningKind>().Select(k => k.Key()));
        Assert.Equal(["none", "low", "medium", "high", "urgent"], EnumKeys.All<RiskLevel>().Select(r => r.Key()));
        Assert.Equal(["psychological", "medical", "schooling", "living", "safety", "guardianship"], NeedSet.Each.Select(n => n.Key()));
    }

    [Fact]
    public void Every_key_round_trips()
    {
        Assert.All(EnumKeys.All<ChildCategory>(), c => Assert.Equal(c, Parse<ChildCategory>(c.Key())));
        Assert.All(EnumKeys.All<ScreeningKind>(), k => Assert.Equal(k, Parse<ScreeningKind>(k.Key())));
        Assert.All(EnumKeys.All<RiskLevel>(), r => Assert.Equal(r, Parse<RiskLevel>(r.Key())));
        Assert.All(NeedSet.Each, n => Assert.Equal(n, Parse<Need>(n.Key())));
    }

    [Fact]
    public void Surrounding_spaces_are_ignored() =>
        Assert.Equal(ChildCategory.LeftBehind, Parse<ChildCategory>(" left-behind "));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("LeftBehind")]
    [InlineData("Left-Behind")]
    [InlineData("left_behind")]
    [InlineData("1")]
    [InlineData("homeless")]
    public void Unknown_key_fails(string? key)
    {
        Assert.False(EnumKeys.TryParse<ChildCategory>(key, out var value));
        Assert.Equal(default, value);
    }

    private static T Parse<T>(string key) where T : struct, Enum
    {
        Assert.True(EnumKeys.TryParse<T>(key, out var value), $"'{key}' did not parse as {typeof(T).Name}");
        return value;
    }
}
