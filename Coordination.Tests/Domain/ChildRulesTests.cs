using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Tests.Support;

namespace Coordination.Tests.Domain;

public sealed class ChildRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static InputErrors Check(NewChild input)
    {
        var errors = new InputErrors();
        ChildRules.Check(input, "child.", Today, key => key == TestInputs.Township, errors);
        return errors;
    }

    [Fact]
    public void Valid_child_has_no_errors()
    {
        var errors = Check(TestInputs.NewChild(categories: ["left-behind", "low-income"]));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_name_is_required(string? name) =>
        Assert.Equal("Error.Name.Required", Check(TestInputs.NewChild() with { Name = name }).First("child.name"));

    [Fact]
    public void Name_longer_than_the_limit_is_refused() =>
        Assert.Equal("Error.Name.TooLong", Check(TestInputs.NewChild() with { Name = new string('明', ChildRules.NameMaxLength + 1) }).First("child.name"));

    [Fact]
    public void Missing_sex_is_required() =>
        Assert.Equal("Error.Sex.Required", Check(TestInputs.NewChild() with { Sex = " " }).First("child.sex"));

    [Theory]
    [InlineData("X")]
    [InlineData("m")]
    [InlineData("male")]
    [InlineData("1")]
    [InlineData("2")]
    public void Unknown_sex_is_refused(string sex) =>
        Assert.Equal("Error.Sex.Unknown", Check(TestInputs.NewChild() with { Sex = sex }).First("child.sex"));

    [Fact]
    public void Missing_birth_date_is_required() =>
        Assert.Equal("Error.BirthDate.Required", Check(TestInputs.NewChild() with { BirthDate = null }).First("child.birthDate"));

    [Fact]
    public void Birth_date_in_the_future_is_refused()
    {
        var errors = Check(TestInputs.NewChild(birth: Today.AddDays(1)));

        Assert.Equal("Error.BirthDate.Future", errors.First("child.birthDate"));
        Assert.False(errors.Has("child.residentId"));
    }

    [Fact]
    public void Child_of_eighteen_is_an_adult_and_refused() =>
        Assert.Equal("Error.BirthDate.Adult", Check(TestInputs.NewChild(birth: Today.AddYears(-18))).First("child.birthDate"));

    [Fact]
    public void Child_one_day_short_of_eighteen_is_accepted() =>
        Assert.True(Check(TestInputs.NewChild(birth: Today.AddYears(-18).AddDays(1))).IsEmpty);

    [Fact]
    public void Birth_date_not_matching_the_resident_id_is_refused()
    {
        var input = TestInputs.NewChild(birth: new DateOnly(2015, 6, 1)) with { BirthDate = new DateOnly(2015, 6, 2) };

        var errors = Check(input);

        Assert.Equal("Error.ResidentId.BirthDateMismatch", errors.First("child.residentId"));
        Assert.False(errors.Has("child.birthDate"));
    }

    [Fact]
    public void Sex_not_matching_the_resident_id_is_refused() =>
        Assert.Equal("Error.ResidentId.SexMismatch", Check(TestInputs.NewChild(sex: Sex.M) with { Sex = "F" }).First("child.residentId"));

    [Fact]
    public void Resident_id_with_wrong_check_digit_is_refused_on_its_field()
    {
        var input = TestInputs.NewChild();
        var errors = Check(input with { ResidentId = TestResidentIds.WithWrongCheck(input.ResidentId!) });

        Assert.Equal("Error.ResidentId.CheckDigit", errors.First("child.residentId"));
    }

    [Fact]
    public void Resident_id_with_lowercase_x_is_accepted()
    {
        var input = new NewChild("林晨", "F", new DateOnly(1949, 12, 31), "11010519491231002x", TestInputs.Township, ["orphan"]);
        var errors = new InputErrors();
        ChildRules.Check(input, "child.", new DateOnly(1960, 1, 1), key => key == TestInputs.Township, errors);

        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Missing_township_is_required() =>
        Assert.Equal("Error.Township.Required", Check(TestInputs.NewChild(township: "")).First("child.township"));

    [Fact]
    public void Unknown_township_is_refused() =>
        Assert.Equal("Error.Township.Unknown", Check(TestInputs.NewChild(township: "atlantis-zhen")).First("child.township"));

    [Fact]
    public void Missing_categories_are_required()
    {
        Assert.Equal("Error.Categories.Required", Check(TestInputs.NewChild() with { Categories = [] }).First("child.categories"));
        Assert.Equal("Error.Categories.Required", Check(TestInputs.NewChild() with { Categories = null }).First("child.categories"));
    }

    [Theory]
    [InlineData("homeless")]
    [InlineData("LeftBehind")]
    [InlineData("left_behind")]
    public void Unknown_category_is_refused(string category) =>
        Assert.Equal("Error.Categories.Unknown", Check(TestInputs.NewChild(categories: ["orphan", category])).First("child.categories"));

    [Fact]
    public void Every_broken_field_is_reported_at_once()
    {
        var errors = Check(new NewChild("", null, null, "123", "nowhere", []));

        Assert.Equal(
            ["child.birthDate", "child.categories", "child.name", "child.residentId", "child.sex", "child.township"],
            errors.ByField.Keys.Order(StringComparer.Ordinal));
    }
}
