using Coordination.Core.Children;

namespace Coordination.Tests.Domain;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("陈小明", "陈*明")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("李明", "李*")]
    [InlineData(" 李明 ", "李*")]
    [InlineData("李", "*")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Name_is_masked_to_its_first_and_last_character(string name, string masked) =>
        Assert.Equal(masked, PersonName.Mask(name));

    [Fact]
    public void Masked_name_never_contains_the_hidden_characters()
    {
        var masked = PersonName.Mask("陈小明");
        Assert.DoesNotContain("小", masked, StringComparison.Ordinal);
    }
}
