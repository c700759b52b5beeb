using Coordination.Core.Children;

namespace Coordination.Tests.Domain;

public sealed class ResidentIdTests
{
    // Check characters worked out by hand (ISO 7064 MOD 11-2), not by the code under test.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("350583201506010003")]
    [InlineData("350583201506010011")]
    [InlineData("440304201003150042")]
    [InlineData("510107201211300224")]
    public void Real_format_resident_id_with_the_right_check_character_is_accepted(string id)
    {
        Assert.Null(ResidentId.Problem(id));
        Assert.True(ResidentId.IsValid(id));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("35058320150601000", '3')]
    [InlineData("35058320150601001", '1')]
    [InlineData("44030420100315004", '2')]
    public void Check_character_follows_from_the_first_17_digits(string first17, char expected) =>
        Assert.Equal(expected, ResidentId.CheckCharacter(first17));

    [Fact]
    public void Number_whose_check_character_is_X_is_accepted()
    {
        var first17 = Enumerable.Range(0, 1000)
            .Select(n => "35058320150601" + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture))
            .First(p => ResidentId.CheckCharacter(p) == 'X');

        Assert.True(ResidentId.IsValid(first17 + "X"));
        Assert.Equal("Error.ResidentId.CheckDigit", ResidentId.Problem(first17 + "0"));
    }

    [Theory]
    [InlineData("110105194912310021")]
    [InlineData("350583201506010004")]
    [InlineData("35058320150601001X")]
    [InlineData("440304201003150040")]
    public void Resident_id_with_wrong_check_digit_is_refused(string id) =>
        Assert.Equal("Error.ResidentId.CheckDigit", ResidentId.Problem(id));

    [Theory]
    [InlineData("35058320150601000")]
    [InlineData("3505832015060100033")]
    [InlineData("350583150601003")]
    public void Resident_id_of_wrong_length_is_refused(string id) =>
        Assert.Equal("Error.ResidentId.Length", ResidentId.Problem(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_resident_id_is_required(string? id) =>
        Assert.Equal("Error.ResidentId.Required", ResidentId.Problem(id));

    [Theory]
    [InlineData("3505832015060100A3")]
    [InlineData("35058320150601X003")]
    [InlineData("35058320150601000Y")]
    [InlineData("350583-20150601003")]
    public void Resident_id_with_letters_or_signs_is_refused(string id) =>
        Assert.Equal("Error.ResidentId.Format", ResidentId.Problem(id));

    [Theory]
    [InlineData("20230230")]
    [InlineData("20231301")]
    [InlineData("20230001")]
    public void Resident_id_with_an_impossible_birth_date_is_refused(string yyyymmdd)
    {
        // The check character is right, so only the date can be what is wrong.
        var first17 = "350583" + yyyymmdd + "001";
        var id = first17 + ResidentId.CheckCharacter(first17);

        Assert.Equal("Error.ResidentId.Format", ResidentId.Problem(id));
        Assert.Null(ResidentId.BirthDate(id));
    }

    [Fact]
    public void Resident_id_starting_with_zero_is_refused()
    {
        var first17 = "050583201506010" + "01";
        Assert.Equal("Error.ResidentId.Format", ResidentId.Problem(first17 + ResidentId.CheckCharacter(first17)));
    }

    [Fact]
    public void Lowercase_x_is_normalized_to_uppercase_and_accepted()
    {
        Assert.Equal("11010519491231002X", ResidentId.Normalize(" 11010519491231002x "));
        Assert.True(ResidentId.IsValid("11010519491231002x"));
    }

    [Theory]
    [InlineData("11010519491231002X", Sex.F)]
    [InlineData("350583201506010003", Sex.F)]
    [InlineData("350583201506010011", Sex.M)]
    [InlineData("510107201211300224", Sex.F)]
    public void Seventeenth_digit_tells_the_sex(string id, Sex expected) =>
        Assert.Equal(expected, ResidentId.SexOf(id));

    [Fact]
    public void Birth_date_is_read_from_digits_7_to_14()
    {
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentId.BirthDate("11010519491231002X"));
        Assert.Equal(new DateOnly(2015, 6, 1), ResidentId.BirthDate("350583201506010003"));
    }

    [Fact]
    public void Mask_keeps_only_the_region_code_and_hides_birth_date_sequence_and_check_character()
    {
        Assert.Equal("110105************", ResidentId.Mask("11010519491231002X"));
        Assert.Equal("350583************", ResidentId.Mask("350583201506010003"));
    }

    [Fact]
    public void Mask_of_a_malformed_number_hides_all_of_it() =>
        Assert.Equal("*****", ResidentId.Mask("12345"));
}
