using Coordination.Core;
using Coordination.Core.Referrals;

namespace Coordination.Tests.Domain;

public sealed class ReferralRulesTests
{
    private static readonly NewReferral Valid = new(Guid.NewGuid(), "womens-federation", "psychological", "urgent", "情绪低落");

    private static readonly string[] Agencies = ["civil-affairs", "womens-federation", "health", "education"];

    private static InputErrors Check(NewReferral input)
    {
        var errors = new InputErrors();
        ReferralRules.Check(input, "education", Agencies.Contains, errors);
        return errors;
    }

    [Fact]
    public void A_valid_referral_has_no_errors() => Assert.True(Check(Valid).IsEmpty);

    [Fact]
    public void A_referral_without_a_note_is_fine() => Assert.True(Check(Valid with { Note = null }).IsEmpty);

    [Theory]
    [InlineData("no child", "childId", "Error.Child.Required")]
    [InlineData("no to", "to", "Error.To.Required")]
    [InlineData("to itself", "to", "Error.To.Self")]
    [InlineData("unknown to", "to", "Error.To.Unknown")]
    [InlineData("no need", "need", "Error.Need.Required")]
    [InlineData("unknown need", "need", "Error.Need.Unknown")]
    [InlineData("need none", "need", "Error.Need.Unknown")]
    [InlineData("no urgency", "urgency", "Error.Urgency.Required")]
    [InlineData("unknown urgency", "urgency", "Error.Urgency.Unknown")]
    [InlineData("long note", "note", "Error.Note.TooLong")]
    public void Each_bad_field_is_named_with_its_code(string problem, string field, string code)
    {
        var input = problem switch
        {
            "no child" => Valid with { ChildId = null },
            "no to" => Valid with { To = " " },
            "to itself" => Valid with { To = "education" },
            "unknown to" => Valid with { To = "tax-office" },
            "no need" => Valid with { Need = null },
            "unknown need" => Valid with { Need = "housing" },
            "need none" => Valid with { Need = "none" },
            "no urgency" => Valid with { Urgency = "" },
            "unknown urgency" => Valid with { Urgency = "asap" },
            "long note" => Valid with { Note = new string('字', ReferralRules.NoteMaxLength + 1) },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };

        var errors = Check(input);

        Assert.Equal(code, errors.First(field));
        Assert.Single(errors.ByField);
    }
}
