using Coordination.Core;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Microsoft.Extensions.Localization;

namespace Coordination.Web.Api;

/// <summary>The register and assistance under <c>/api/v1</c>: children, their records, programmes.</summary>
public static class RegisterApi
{
    public static void MapRegisterApi(this RouteGroupBuilder api)
    {
        api.MapGet("/children", ListChildrenAsync)
            .Produces<ChildPageDto>()
            .ProducesValidationProblem()
            .WithName("ListChildren")
            .WithSummary("A page of the register, filtered and sorted on the server (resident IDs masked).");

        api.MapGet("/children/{id:guid}", GetChildAsync)
            .Produces<ChildDetailDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetChild")
            .WithSummary("A child's whole record with its risk, reasons, screenings and assistance.");

        api.MapPut("/children/{id:guid}", (Guid id, HttpRequest request, ChildService children) =>
                ApiCall.WriteAsync<ChildUpdateRequest>(request, async (actor, body) =>
                    Results.Ok(new { sequence = await children.UpdateAsync(actor, id, body.ToCommand(), request.HttpContext.RequestAborted) })))
            .Accepts<ChildUpdateRequest>("application/json")
            .ProducesValidationProblem()
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

        api.MapGet("/programmes", async (AssistanceService assistance, CancellationToken ct) =>
                Results.Ok((await assistance.ProgressAsync(ct)).Select(ProgrammeDto.From)))
            .Produces<IReadOnlyList<ProgrammeDto>>()
            .WithName("Programmes")
            .WithSummary("The programmes with their targets and what has been achieved.");
    }

    private static async Task<IResult> ListChildrenAsync(
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
        var result = await children.ListAsync(new ChildQuery(township, categoryValue, riskValue, statusValue, agency, q, sortValue, desc, page, pageSize), ct);
        return Results.Ok(new ChildPageDto(result.Rows.Select(ChildRowDto.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> GetChildAsync(Guid id, ChildService children, BoardClock clock, IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        var profile = await children.GetProfileAsync(id, ct);
        return profile is null
            ? ApiProblems.Domain(new DomainException("Error.Child.NotFound", "No such child."), localizer, StatusCodes.Status404NotFound)
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
