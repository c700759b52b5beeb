namespace Coordination.Core.Children;

/// <summary>The rules a new child's record must satisfy: the one place they are written.</summary>
public static partial class ChildRules
{
    public const int NameMaxLength = 50;
    public const int TextMaxLength = 100;
    public const int ClosureNoteMaxLength = 500;

    public static void Check(NewChild input, string prefix, DateOnly today, Func<string, bool> townshipExists, InputErrors errors)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(prefix + "name", "Error.Name.Required");
        }
        else if (name.Length > NameMaxLength)
        {
            errors.Add(prefix + "name", "Error.Name.TooLong");
        }
        else
        {
            TextRules.Check(input.Name, NameMaxLength * 2, prefix + "name", errors);
        }

        Sex? sex = null;
        if (string.IsNullOrWhiteSpace(input.Sex))
        {
            errors.Add(prefix + "sex", "Error.Sex.Required");
        }
        else if (input.Sex.Trim() is "F" or "M")
        {
            sex = Enum.Parse<Sex>(input.Sex.Trim());
        }
        else
        {
            errors.Add(prefix + "sex", "Error.Sex.Unknown");
        }

        if (input.BirthDate is not { } birth)
        {
            errors.Add(prefix + "birthDate", "Error.BirthDate.Required");
        }
        else if (birth > today)
        {
            errors.Add(prefix + "birthDate", "Error.BirthDate.Future");
        }
        else if (birth.AddYears(18) <= today)
        {
            errors.Add(prefix + "birthDate", "Error.BirthDate.Adult");
        }

        var idProblem = ResidentId.Problem(input.ResidentId);
        if (idProblem is not null)
        {
            errors.Add(prefix + "residentId", idProblem);
        }
        else
        {
            var id = ResidentId.Normalize(input.ResidentId);
            if (input.BirthDate is { } b && ResidentId.BirthDate(id) != b)
            {
                errors.Add(prefix + "residentId", "Error.ResidentId.BirthDateMismatch");
            }
            else if (sex is { } sx && ResidentId.SexOf(id) != sx)
            {
                errors.Add(prefix + "residentId", "Error.ResidentId.SexMismatch");
            }
        }

        if (string.IsNullOrWhiteSpace(input.Township))
        {
            errors.Add(prefix + "township", "Error.Township.Required");
        }
        else if (!townshipExists(input.Township.Trim()))
        {
            errors.Add(prefix + "township", "Error.Township.Unknown");
        }

        if (input.Categories is null || input.Categories.Count == 0)
        {
            errors.Add(prefix + "categories", "Error.Categories.Required");
        }
        else if (input.Categories.Any(c => !EnumKeys.TryParse<ChildCategory>(c, out _)))
        {
            errors.Add(prefix + "categories", "Error.Categories.Unknown");
        }
    }

    /// <summary>
    /// Checks the optional details. <paramref name="villageExists"/> says whether the named village is on the
    /// reference list of the child's township.
    /// </summary>
    public static void CheckDetails(ChildDetails? details, string prefix, Func<string, bool> villageExists, InputErrors errors)
    {
        if (details is null)
        {
            return;
        }
        if (details.Village is { Length: > TextMaxLength })
        {
            errors.Add(prefix + "village", "Error.Text.TooLong");
        }
        else if (!string.IsNullOrWhiteSpace(details.Village) && !villageExists(details.Village.Trim()))
        {
            errors.Add(prefix + "village", "Error.Village.Unknown");
        }
        foreach (var (field, value) in new[]
                 {
                     ("school", details.School), ("grade", details.Grade), ("guardianName", details.GuardianName),
                     ("parentsWorkPlace", details.ParentsWorkPlace),
                 })
        {
            TextRules.Check(value, TextMaxLength, prefix + field, errors);
        }
        if (!string.IsNullOrWhiteSpace(details.GuardianRelation) && !EnumKeys.TryParse<GuardianRelation>(details.GuardianRelation, out _))
        {
            errors.Add(prefix + "guardianRelation", "Error.GuardianRelation.Unknown");
        }
        if (details.GuardianPhone is { Length: > 20 })
        {
            errors.Add(prefix + "guardianPhone", "Error.Phone.Format");
        }
        else if (!string.IsNullOrWhiteSpace(details.GuardianPhone) && !Phone().IsMatch(details.GuardianPhone.Trim()))
        {
            errors.Add(prefix + "guardianPhone", "Error.Phone.Format");
        }
    }

    /// <summary>A mainland mobile number (1[3-9] and 9 digits) or a landline with its area code (0xxx-xxxxxxx).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial System.Text.RegularExpressions.Regex Phone();
}
