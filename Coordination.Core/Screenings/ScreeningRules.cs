namespace Coordination.Core.Screenings;

/// <summary>The rules a screening must satisfy, whoever submits it (a form or the API).</summary>
public static class ScreeningRules
{
    public const int FindingsMaxLength = 4000;

    /// <summary>Screenings older than this are history, not screening: the board is about now.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public static void Check(RecordScreening input, string? agencyScreeningKind, DateOnly today, InputErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input.Kind))
        {
            errors.Add("kind", "Error.Kind.Required");
        }
        else if (!EnumKeys.TryParse<ScreeningKind>(input.Kind, out _))
        {
            errors.Add("kind", "Error.Kind.Unknown");
        }
        else if (!string.Equals(agencyScreeningKind, input.Kind.Trim(), StringComparison.Ordinal))
        {
            errors.Add("kind", "Error.Kind.NotThisAgency");
        }

        if (input.Date is not { } date)
        {
            errors.Add("date", "Error.Date.Required");
        }
        else if (date > today)
        {
            errors.Add("date", "Error.Date.Future");
        }
        else if (date < Earliest)
        {
            errors.Add("date", "Error.Date.TooOld");
        }

        if (string.IsNullOrWhiteSpace(input.Risk))
        {
            errors.Add("risk", "Error.Risk.Required");
        }
        else if (!EnumKeys.TryParse<RiskLevel>(input.Risk, out _))
        {
            errors.Add("risk", "Error.Risk.Unknown");
        }

        if (input.Needs is { } needs && needs.Any(n => !EnumKeys.TryParse<Need>(n, out var need) || need == Need.None))
        {
            errors.Add("needs", "Error.Needs.Unknown");
        }

        if (input.Findings is { Length: > FindingsMaxLength })
        {
            errors.Add("findings", "Error.Findings.TooLong");
        }
        else
        {
            TextRules.Check(input.Findings, FindingsMaxLength, "findings", errors, multiline: true);
        }

        if (input.Details is { } details)
        {
            if (EnumKeys.TryParse<ScreeningKind>(input.Kind, out var kind) && details.Kind != kind)
            {
                errors.Add("details", "Error.Details.WrongKind");
            }
            else
            {
                details.Check(DetailsField(details.Kind) + ".", errors);
            }
        }

        if (input.ChildId is null && input.NewChild is null)
        {
            errors.Add("child", "Error.Child.Required");
        }
        else if (input.ChildId is not null && input.NewChild is not null)
        {
            errors.Add("child", "Error.Child.Ambiguous");
        }
    }

    /// <summary>The field that carries a kind's details in the API (and names its problems): household, healthCheck, ...</summary>
    public static string DetailsField(ScreeningKind kind) => kind switch
    {
        ScreeningKind.Household => "household",
        ScreeningKind.Psychological => "psychological",
        ScreeningKind.HealthCheck => "healthCheck",
        ScreeningKind.SchoolSurvey => "schoolSurvey",
        _ => "details",
    };

    public static Need ParseNeeds(IReadOnlyList<string>? keys)
    {
        var needs = Need.None;
        foreach (var key in keys ?? [])
        {
            if (EnumKeys.TryParse<Need>(key, out var n))
            {
                needs |= n;
            }
        }
        return needs;
    }
}
