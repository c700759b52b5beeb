namespace Coordination.Web.Api;

/// <summary>The HTTP API under <c>/api/v1</c>.</summary>
public static class CoordinationApi
{
    public static void MapCoordinationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(Hosting.RateLimitsHosting.ApiPolicy);

        api.MapPost("/screenings", RecordScreeningAsync)
            .Accepts<ScreeningRequest>("application/json")
            .Produces<ScreeningCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecordScreening")
            .WithSummary("Record a screening; a new child in it is registered.")
            .WithDescription("A new child whose resident ID is registered under another name, or who has the same name, birth date and township "
                + "as children on the register (another resident ID), is refused with 409 naming them (masked) and nothing is written. "
                + "To register the child anyway, send the ids of those children in child.distinctFrom: the caller has looked and says this is another child.");

        api.MapGet("/board/events", BoardEventsAsync)
            .Produces<IReadOnlyList<BoardEventMessage>>()
            .ProducesValidationProblem()
            .WithName("BoardEvents")
            .WithSummary("The board events after sequence N, oldest first (at most 'limit', 1000 by default).");

        api.MapRegisterApi();
        api.MapReferralsApi();
        api.MapFiguresApi();
        api.MapAuditApi();
        api.MapImportApi();
    }

    private static Task<IResult> RecordScreeningAsync(HttpRequest request, ScreeningService screenings, Core.Children.ChildService children, IStringLocalizer<SharedResource> localizer) =>
        ApiCall.WriteAsync<ScreeningRequest>(request, async (actor, body) =>
        {
            if (body.HasSeveralDetails)
            {
                var errors = new InputErrors();
                errors.Add("details", "Error.Details.WrongKind");
                throw new InvalidInputException(errors);
            }
            ScreeningRecorded recorded;
            try
            {
                recorded = await screenings.RecordAsync(actor, body.ToCommand(), request.HttpContext.RequestAborted);
            }
            catch (ResidentIdRegisteredException registered)
            {
                var match = await children.FindByIdAsync(actor, registered.ChildId, request.HttpContext.RequestAborted);
                return ApiProblems.ResidentIdRegistered(registered, match, localizer);
            }
            return Results.Created($"/api/v1/screenings/{recorded.Id}", new ScreeningCreated(recorded.Id, recorded.ChildId, recorded.Sequence));
        });

    private static async Task<IResult> BoardEventsAsync(
        HttpContext http,
        BoardEventLog log,
        IStringLocalizer<SharedResource> localizer,
        CancellationToken ct,
        long after = 0,
        int limit = BoardEventLog.MaxPage)
    {
        if (after < 0)
        {
            return ApiProblems.Field("after", "Error.After.Negative", localizer);
        }
        if (limit is < 1 or > BoardEventLog.MaxPage)
        {
            return ApiProblems.Field("limit", "Error.Limit.Range", localizer);
        }
        return await ApiCall.ReadAsync(http, async actor => Results.Ok(await log.AfterAsync(actor, after, limit, ct)));
    }
}
