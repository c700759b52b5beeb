using Bunit;
using Coordination.Core.Children;
using Coordination.Tests.Support;

namespace Coordination.Tests.Components;

/// <summary>
/// The walking skeleton's bad inputs, at the form: each message stands at its field, in Chinese, and nothing is
/// written (the API's answers to the same inputs are in Web/ScreeningsApiTests).
/// </summary>
public sealed class ScreeningIntakeValidationTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static readonly DateOnly Birth = new(2016, 2, 3);

    private static async Task RefusedAsync(ComponentContext ctx, RecordScreeningDriver form, string field, string message)
    {
        var before = await ctx.Database.CountRowsAsync(Ct);
        form.Save();
        form.WaitForRefusal();
        Assert.Contains(message, form.TextAt(field), StringComparison.Ordinal);
        Assert.Empty(form.Page.FindAll("[data-testid=record-saved]"));
        Assert.Equal(before, await ctx.Database.CountRowsAsync(Ct));
    }

    [Fact]
    public async Task A_resident_id_with_a_wrong_check_digit_is_refused_at_the_id()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.Click("mode-new");
        form.Page.WaitForElement("[data-testid=child-resident-id]");
        form.Type("child-resident-id", TestResidentIds.WithWrongCheck(TestResidentIds.For(Birth, Sex.F, 7)));
        form.Type("child-name", "王小丽");
        form.Choose("child-sex", "女");
        form.Type("child-birth-date", "2016-02-03");
        form.Choose("child-township", form.TownshipName(TestInputs.Township));
        form.Choose("child-categories", "留守儿童");
        form.Choose("screening-risk", "低");

        await RefusedAsync(ctx, form, "child-resident-id", "身份证号校验位不正确，请核对。");
    }

    [Fact]
    public async Task A_birth_date_in_the_future_is_refused_at_the_birth_date()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("王小丽", TestResidentIds.For(Birth, Sex.F, 8), TestInputs.Township);
        form.Type("child-birth-date", ctx.Clock.Today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        form.Choose("screening-risk", "低");

        await RefusedAsync(ctx, form, "child-birth-date", "出生日期不能晚于今天。");
    }

    [Fact]
    public async Task A_screening_without_a_kind_is_refused_at_the_kind()
    {
        await using var ctx = await ComponentContext.CreateAsync();
        var form = new RecordScreeningDriver(ctx, "health");
        form.NewChild("王小丽", TestResidentIds.For(Birth, Sex.F, 9), TestInputs.Township);
        form.Choose("screening-risk", "低");
        form.Field("screening-kind").Closest(".mud-input-control")!.QuerySelector(".mud-input-clear-button, button[aria-label]")!.Click();
        form.Page.WaitForAssertion(() => Assert.DoesNotContain("健康体检", form.TextAt("screening-kind"), StringComparison.Ordinal));

        await RefusedAsync(ctx, form, "screening-kind", "请选择筛查类型。");
    }
}
