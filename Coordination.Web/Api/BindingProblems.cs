using System.Text.RegularExpressions;

namespace Coordination.Web.Api;

/// <summary>
/// A query or route value the framework cannot bind (<c>page=abc</c>, <c>desc=maybe</c>, <c>childId=x</c>) becomes a
/// 400 problem detail naming the parameter, like every other bad input; an unexpected error is a bare 500 problem.
/// </summary>
public static partial class BindingProblems
{
    public static void Customize(ProblemDetailsContext context)
    {
        if (context.Exception is not BadHttpRequestException bad)
        {
            return;
        }
        var localizer = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (parameter, code) = Unbound().Match(bad.Message) is { Success: true } unbound ? (unbound.Groups[1].Value, "Error.Query.Malformed")
            : Missing().Match(bad.Message) is { Success: true } missing ? (missing.Groups[1].Value, "Error.Query.Required")
            : (null, null);
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.ProblemDetails.Title = localizer["Error.Body.TooLarge"];
            context.ProblemDetails.Extensions["code"] = "Error.Body.TooLarge";
            return;
        }
        context.ProblemDetails.Title = localizer["Error.InvalidInput"];
        if (parameter is not null && code is not null)
        {
            context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [parameter] = [localizer[code]] };
            context.ProblemDetails.Extensions["codes"] = new Dictionary<string, string[]> { [parameter] = [code] };
        }
    }

    // "Failed to bind parameter "int? page" from "abc"."
    [GeneratedRegex("""^Failed to bind parameter "[^"]*?\s(\w+)" from""")]
    private static partial Regex Unbound();

    // "Required parameter "int page" was not provided from query string."
    [GeneratedRegex("""^Required parameter "[^"]*?\s(\w+)" was not provided""")]
    private static partial Regex Missing();
}
