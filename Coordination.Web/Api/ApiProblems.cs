namespace Coordination.Web.Api;

/// <summary>Errors as RFC 7807 problem details, with a translated message per field and the stable codes beside it.</summary>
public static class ApiProblems
{
    public static IResult Invalid(InputErrors errors, IStringLocalizer<SharedResource> localizer)
    {
        var messages = errors.ByField.ToDictionary(kv => kv.Key, kv => kv.Value.Select(c => (string)localizer[c]).ToArray());
        var codes = errors.ByField.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        return Results.ValidationProblem(
            messages,
            title: localizer["Error.InvalidInput"],
            extensions: new Dictionary<string, object?> { ["codes"] = codes });
    }

    public static IResult Field(string field, string code, IStringLocalizer<SharedResource> localizer)
    {
        var errors = new InputErrors();
        errors.Add(field, code);
        return Invalid(errors, localizer);
    }

    public static IResult Unauthorized(string code, IStringLocalizer<SharedResource> localizer) =>
        Coded(StatusCodes.Status401Unauthorized, code, localizer);

    public static IResult Domain(DomainException ex, IStringLocalizer<SharedResource> localizer, int status = StatusCodes.Status422UnprocessableEntity) =>
        Coded(status, ex.Code, localizer);

    /// <summary>404: no such record (or none the caller may reach); says what was looked for and its id.</summary>
    public static IResult NotFound(NotFoundException ex, IStringLocalizer<SharedResource> localizer) =>
        Coded(StatusCodes.Status404NotFound, ex.Code, localizer, ("id", ex.Id));

    /// <summary>409: the record changed since the caller read it; who changed it, when, and its version now.</summary>
    public static IResult ChildConflict(Core.Children.ChildConflictException ex, IStringLocalizer<SharedResource> localizer) =>
        Coded(StatusCodes.Status409Conflict, ex.Code, localizer,
            ("version", ex.Version), ("changedByAgency", ex.ByAgencyKey), ("changedBy", ex.ByPerson), ("changedAt", ex.At));

    /// <summary>
    /// 409: a "new" child's resident ID is registered to another child; the problem names that child (as far as the
    /// caller may see it) so the caller can refer to it by id. A child the caller may not read (another township's, for
    /// a township supervisor) is not pointed at: not even its id.
    /// </summary>
    public static IResult ResidentIdRegistered(Core.Screenings.ResidentIdRegisteredException ex, Core.Children.ChildMatch? registered, IStringLocalizer<SharedResource> localizer) =>
        Coded(StatusCodes.Status409Conflict, ex.Code, localizer,
            ("field", "child.residentId"), ("childId", registered?.Id), ("child", registered is null ? null : Child(registered)));

    /// <summary>
    /// 409: a new child may be one already on the register; the problem names those children (masked, as far as the
    /// caller may see them). Sending their ids in <c>child.distinctFrom</c> registers the child anyway.
    /// </summary>
    public static IResult NearDuplicate(Core.Children.NearDuplicateException ex, IStringLocalizer<SharedResource> localizer) =>
        Coded(StatusCodes.Status409Conflict, ex.Code, localizer,
            ("field", "child.distinctFrom"), ("nearDuplicates", ex.Matches.Select(Child).ToList()));

    /// <summary>A problem titled by its code's message in the caller's language, with the code and any facts beside it.</summary>
    public static IResult Coded(int status, string code, IStringLocalizer<SharedResource> localizer, params (string Name, object? Value)[] facts) =>
        Coded(status, code, localizer[code], facts);

    /// <summary>A problem with its own title, the code and any facts beside it.</summary>
    public static IResult Coded(int status, string code, string title, params (string Name, object? Value)[] facts)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (name, value) in facts)
        {
            extensions[name] = value;
        }
        return Results.Problem(statusCode: status, title: title, extensions: extensions);
    }

    private static object Child(Core.Children.ChildMatch match) => new
    {
        id = match.Id,
        name = match.Name,
        residentId = match.MaskedResidentId,
        birthDate = match.BirthDate,
        township = match.TownshipKey,
    };
}
