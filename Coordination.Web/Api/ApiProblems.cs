using Coordination.Core;
using Microsoft.Extensions.Localization;

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
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: localizer[code], extensions: new Dictionary<string, object?> { ["code"] = code });

    public static IResult Domain(DomainException ex, IStringLocalizer<SharedResource> localizer, int status = StatusCodes.Status422UnprocessableEntity) =>
        Results.Problem(statusCode: status, title: localizer[ex.Code], extensions: new Dictionary<string, object?> { ["code"] = ex.Code });
}
