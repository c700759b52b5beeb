using Coordination.Web.Components.Wall;

namespace Coordination.Tests.Web;

/// <summary>The wall's URL says how it shows its panels; a bad value falls back to the default, never to an error.</summary>
public sealed class WallOptionsTests
{
    [Fact]
    public void Without_options_the_wall_rotates_every_20_seconds_from_the_map()
    {
        Assert.Equal(WallOptions.Default, WallOptions.Parse(null, null, null));
        Assert.Equal(20, WallOptions.Default.RotateSeconds);
        Assert.Null(WallOptions.Default.Fixed);
        Assert.False(WallOptions.Default.All);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("45", 45)]
    [InlineData("600", 600)]
    [InlineData("4", 20)]
    [InlineData("601", 20)]
    [InlineData("0", 20)]
    [InlineData("-10", 20)]
    [InlineData("abc", 20)]
    [InlineData("1e3", 20)]
    [InlineData("", 20)]
    [InlineData("99999999999999999999", 20)]
    public void Rotate_takes_seconds_from_5_to_600_and_anything_else_means_20(string rotate, int seconds) =>
        Assert.Equal(seconds, WallOptions.Parse(rotate, null, null).RotateSeconds);

    [Theory]
    [InlineData("map", WallPanel.Map)]
    [InlineData("referrals", WallPanel.Referrals)]
    [InlineData("Programmes", WallPanel.Programmes)]
    [InlineData(" referrals ", WallPanel.Referrals)]
    [InlineData("nope", null)]
    [InlineData("", null)]
    [InlineData("<script>", null)]
    public void Panel_fixes_one_known_panel_and_an_unknown_one_leaves_the_rotation(string panel, WallPanel? expected) =>
        Assert.Equal(expected, WallOptions.Parse(null, panel, null).Fixed);

    [Theory]
    [InlineData("all", true)]
    [InlineData("ALL", true)]
    [InlineData("grid", false)]
    [InlineData("", false)]
    public void Layout_all_shows_every_panel_and_anything_else_is_the_rotating_stage(string layout, bool all) =>
        Assert.Equal(all, WallOptions.Parse(null, null, layout).All);

    [Fact]
    public void Layout_all_wins_over_a_fixed_panel() =>
        Assert.Null(WallOptions.Parse("10", "referrals", "all").Fixed);
}
