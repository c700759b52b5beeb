namespace Coordination.Web.Api;

/// <summary>
/// The one way an endpoint runs: who calls (401 when unknown), the strict body (400 naming the field), the
/// action, and the domain's refusals as problem details (400 bad input, 403 not allowed, 404, 422 a broken rule).
/// </summary>
public static class ApiCall
{
    /// <param name="problem">A part of the work with refusals of its own (a referral's 409) answers them here first.</param>
    public static async Task<IResult> WriteAsync<TBody>(HttpRequest request, Func<Actor, TBody, Task<IResult>> action, Func<DomainException, IResult>? problem = null) where TBody : class
    {
        var services = request.HttpContext.RequestServices;
        var localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (CallerAgency.Resolve(request.HttpContext) is not { } actor)
        {
            return ApiProblems.Unauthorized("Error.Caller.Unknown", localizer);
        }
        var (body, errors) = await JsonBody.ReadAsync<TBody>(request);
        if (errors is not null)
        {
            return ApiProblems.Invalid(errors, localizer);
        }
        if (problem is null)
        {
            return await RunAsync(localizer, () => action(actor, body!));
        }
        try
        {
            return await action(actor, body!);
        }
        catch (DomainException ex)
        {
            return problem(ex);
        }
    }

    /// <summary>For reads: the caller's actor (401 when unknown) and the same mapping of refusals.</summary>
    public static async Task<IResult> ReadAsync(HttpContext http, Func<Actor, Task<IResult>> action)
    {
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (CallerAgency.Resolve(http) is not { } actor)
        {
            return ApiProblems.Unauthorized("Error.Caller.Unknown", localizer);
        }
        return await RunAsync(localizer, () => action(actor));
    }

    public static async Task<IResult> RunAsync(IStringLocalizer<SharedResource> localizer, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidInputException ex)
        {
            return ApiProblems.Invalid(ex.Errors, localizer);
        }
        catch (ForbiddenException ex)
        {
            return ApiProblems.Domain(ex, localizer, StatusCodes.Status403Forbidden);
        }
        catch (Core.Children.ChildConflictException ex)
        {
            return ApiProblems.ChildConflict(ex, localizer);
        }
        catch (Core.Children.NearDuplicateException ex)
        {
            return ApiProblems.NearDuplicate(ex, localizer);
        }
        catch (NotFoundException ex)
        {
            return ApiProblems.NotFound(ex, localizer);
        }
        catch (DomainException ex)
        {
            return ApiProblems.Domain(ex, localizer);
        }
    }
}
