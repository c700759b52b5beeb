using Coordination.Core.Assistance;

namespace Coordination.Web.Api;

/// <summary>The register and assistance under <c>/api/v1</c>: children, their records, programmes.</summary>
public static class RegisterApi
{
    public static void MapRegisterApi(this RouteGroupBuilder api)
    {
        api.MapGet("/children", (HttpContext http, ChildService children, IStringLocalizer<SharedResource> localizer, CancellationToken ct,
                string? township, string? category, string? risk, string? status, string? agency, string? q, string? sort, bool? desc, int? page, int? pageSize) =>
                ApiCall.ReadAsync(http, actor => ListChildrenAsync(actor, children, localizer, ct, township, category, risk, status, agency, q, sort, desc ?? true, page ?? 0, pageSize ?? 25)))
            .Produces<ChildPageDto>()
            .ProducesValidationProblem()
            .WithName("ListChildren")
            .WithSummary("A page of the register, filtered and sorted on the server (resident IDs masked).");

        api.MapGet("/children/{id:guid}", (Guid id, HttpContext http, ChildService children, BoardClock clock, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
                ApiCall.ReadAsync(http, actor => GetChildAsync(actor, id, children, clock, localizer, ct)))
            .Produces<ChildDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetChild")
            .WithSummary("A child's whole record (resident ID masked) with its risk, reasons, screenings and assistance. Opening it is audited.");

        api.MapPost("/children/{id:guid}/resident-id", (Guid id, HttpContext http, ChildService children, CancellationToken ct) =>
                ApiCall.ReadAsync(http, async actor => Results.Ok(new { residentId = await children.RevealResidentIdAsync(actor, id, ct) })))
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("RevealResidentId")
            .WithSummary("The full resident ID, for roles whose work needs it; every reveal is audited.");

        api.MapPut("/children/{id:guid}", (Guid id, HttpRequest request, ChildService children) =>
                ApiCall.WriteAsync<ChildUpdateRequest>(request, async (actor, body) =>
                {
                    if (body.Version is null)
                    {
                        var errors = new InputErrors();
                        errors.Add("version", "Error.Child.VersionRequired");
                        throw new InvalidInputException(errors);
                    }
                    return Results.Ok(new { sequence = await children.UpdateAsync(actor, id, body.ToCommand(), request.HttpContext.RequestAborted) });
                }))
            .Accepts<ChildUpdateRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UpdateChild")
            .WithSummary("Correct a child's record; categories may only be added.");

        api.MapPost("/children/{id:guid}/close", (Guid id, HttpRequest request, ChildService children) =>
                ApiCall.WriteAsync<CloseRequest>(request, async (actor, body) =>
                {
                    if (!EnumKeys.TryParse<ClosureReason>(body.Reason, out var reason))
                    {
                        var errors = new InputErrors();
                        errors.Add("reason", string.IsNullOrWhiteSpace(body.Reason) ? "Error.Closure.ReasonRequired" : "Error.Closure.ReasonUnknown");
                        throw new InvalidInputException(errors);
                    }
                    return Results.Ok(new { sequence = await children.CloseAsync(actor, id, reason, body.Note, request.HttpContext.RequestAborted) });
                }))
            .Accepts<CloseRequest>("application/json")
            .ProducesValidationProblem()
            .WithName("CloseChild")
            .WithSummary("Close a child's file with a reason: turned-eighteen, parents-returned, moved-away, other (with a note).");

        api.MapPost("/children/{id:guid}/merge", (Guid id, HttpRequest request, ChildService children) =>
                ApiCall.WriteAsync<MergeRequest>(request, async (actor, body) =>
                {
                    if (body.DuplicateId is not { } duplicate)
                    {
                        var errors = new InputErrors();
                        errors.Add("duplicateId", "Error.Child.Required");
                        throw new InvalidInputException(errors);
                    }
                    return Results.Ok(new { sequence = await children.MergeAsync(actor, id, duplicate, request.HttpContext.RequestAborted) });
                }))
            .Accepts<MergeRequest>("application/json")
            .ProducesValidationProblem()
            .WithName("MergeChildren")
            .WithSummary("Merge the duplicate record into this one (civil affairs): every record of both is kept.");

        api.MapPost("/assistance", (HttpRequest request, AssistanceService assistance) =>
                ApiCall.WriteAsync<AssistanceRequest>(request, async (actor, body) =>
                {
                    var (id, sequence) = await assistance.RecordAsync(actor, body.ToCommand(), request.HttpContext.RequestAborted);
                    return Results.Created($"/api/v1/assistance/{id}", new { id, sequence });
                }))
            .Accepts<AssistanceRequest>("application/json")
            .ProducesValidationProblem()
            .WithName("RecordAssistance")
            .WithSummary("Record assistance for a child: a count, or an amount in yuan for money kinds.");

        api.MapGet("/programmes", (HttpContext http, AssistanceService assistance, CancellationToken ct) =>
                ApiCall.ReadAsync(http, async actor => Results.Ok((await assistance.ProgressAsync(actor, ct)).Select(ProgrammeDto.From))))
            .Produces<IReadOnlyList<ProgrammeDto>>()
            .WithName("Programmes")
            .WithSummary("The programmes with their targets and what has been achieved.");
    }

    private static async Task<IResult> ListChildrenAsync(
        Actor actor,
        ChildService children,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken ct,
        string? township = null,
        string? category = null,
        string? risk = null,
        string? status = null,
        string? agency = null,
        string? q = null,
        string? sort = null,
        bool desc = true,
        int page = 0,
        int pageSize = 25)
    {
        var errors = new InputErrors();
        ChildCategory? categoryValue = Parse<ChildCategory>(category, "category", errors);
        RiskLevel? riskValue = Parse<RiskLevel>(risk, "risk", errors);
        ChildStatus? statusValue = status == "all" ? null : Parse<ChildStatus>(status, "status", errors) ?? ChildStatus.Active;
        var sortValue = Parse<ChildSort>(sort, "sort", errors) ?? ChildSort.Risk;
        if (page < 0)
        {
            errors.Add("page", "Error.Page.Range");
        }
        if (pageSize is < 1 or > ChildQuery.MaxPageSize)
        {
            errors.Add("pageSize", "Error.PageSize.Range");
        }
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors, localizer);
        }
        var result = await children.ListAsync(actor, new ChildQuery(township, categoryValue, riskValue, statusValue, agency, q, sortValue, desc, page, pageSize), ct);
        return Results.Ok(new ChildPageDto(result.Rows.Select(ChildRowDto.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> GetChildAsync(Actor actor, Guid id, ChildService children, BoardClock clock, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var profile = await children.GetProfileAsync(actor, id, ct: ct);
        return profile is null
            ? ApiProblems.NotFound(NotFoundException.Child(id), localizer)
            : Results.Ok(ChildDetailDto.From(profile, clock.Today));
    }

    private static T? Parse<T>(string? key, string field, InputErrors errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        if (EnumKeys.TryParse<T>(key, out var value))
        {
            return value;
        }
        errors.Add(field, "Error.Query.Unknown");
        return null;
    }
}
