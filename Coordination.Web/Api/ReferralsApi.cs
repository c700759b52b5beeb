using Coordination.Core.Referrals;

namespace Coordination.Web.Api;

/// <summary>
/// <c>/api/v1/referrals</c>: send, list, read, and the four transitions. The caller's agency (its account or API key)
/// is the sender of a new referral and the actor of a transition. Answers: 400 naming the field for bad
/// input, 401 without a known caller, 403 when the caller's agency may not do it, 404 for an unknown id,
/// 409 when <c>version</c> is stale (the problem says who did what instead: <c>state</c>, <c>version</c>,
/// <c>lastAction</c>, <c>by</c>, <c>at</c>) or the state does not allow the move (<c>code</c> says which).
/// </summary>
public static class ReferralsApi
{
    public static void MapReferralsApi(this IEndpointRouteBuilder api)
    {
        var referrals = api.MapGroup("/referrals").WithTags("Referrals");

        referrals.MapPost("/", CreateAsync)
            .Accepts<ReferralRequest>("application/json")
            .Produces<ReferralCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("CreateReferral")
            .WithSummary("Refer a child to another agency; the sender is the caller's agency.");

        referrals.MapGet("/", ListAsync)
            .Produces<IReadOnlyList<ReferralResource>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithName("ListReferrals")
            .WithSummary("Referrals: box=inbox|outbox|all (relative to the caller), status, overdue=true|false, childId, limit.");

        referrals.MapGet("/{id:guid}", DetailAsync)
            .Produces<ReferralResource>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("GetReferral")
            .WithSummary("One referral with its history.");

        MapTransition<AcceptReferralRequest>(referrals, "accept", "Accept a pending referral (receiving agency).",
            (s, actor, id, body, version, ct) => s.AcceptAsync(actor, id, version, ct));
        MapTransition<DeclineReferralRequest>(referrals, "decline", "Decline a pending referral with a reason (receiving agency).",
            (s, actor, id, body, version, ct) => s.DeclineAsync(actor, id, version, body.Reason, body.SuggestedAgency, ct));
        MapTransition<CompleteReferralRequest>(referrals, "complete", "Complete an accepted referral with its outcome (receiving agency).",
            (s, actor, id, body, version, ct) => s.CompleteAsync(actor, id, version, body.Outcome, ct));
        MapTransition<WithdrawReferralRequest>(referrals, "withdraw", "Withdraw a pending or accepted referral with a reason (sending agency).",
            (s, actor, id, body, version, ct) => s.WithdrawAsync(actor, id, version, body.Reason, ct));
    }

    private delegate Task<ReferralDetail> Transition<in T>(ReferralService service, Actor actor, Guid id, T body, int version, CancellationToken ct);

    private static void MapTransition<T>(RouteGroupBuilder group, string action, string summary, Transition<T> transition) where T : class =>
        group.MapPost($"/{{id:guid}}/{action}", async (Guid id, [AsParameters] ReferralCall call, CancellationToken ct) =>
                await ApiCall.WriteAsync<T>(
                    call.Request,
                    async (actor, body) => VersionOf(body) is not { } version
                        ? ApiProblems.Field("version", "Error.Version.Required", call.Localizer)
                        : Results.Ok(ReferralResource.Of(await transition(call.Service, actor, id, body, version, ct))),
                    call.Problem))
            .Accepts<T>("application/json")
            .Produces<ReferralResource>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName(char.ToUpperInvariant(action[0]) + action[1..] + "Referral")
            .WithSummary(summary);

    private static int? VersionOf(object body) => body switch
    {
        AcceptReferralRequest b => b.Version,
        DeclineReferralRequest b => b.Version,
        CompleteReferralRequest b => b.Version,
        WithdrawReferralRequest b => b.Version,
        _ => null,
    };

    /// <summary>What every referral handler works with: the request and the services, bound by <c>[AsParameters]</c>.</summary>
    private sealed record ReferralCall(HttpRequest Request, ReferralService Service, IStringLocalizer<SharedResource> Localizer, Hosting.Labels Labels)
    {
        public IResult Problem(DomainException ex) => ReferralsApi.Problem(ex, Localizer, Labels);

        /// <summary>The caller, when it may read referrals; otherwise the 401 or 403 to answer.</summary>
        public (Actor? Actor, IResult? Refusal) Reader() => ReferralsApi.Reader(Request, Localizer);
    }

    private static async Task<IResult> CreateAsync([AsParameters] ReferralCall call, CancellationToken ct) =>
        await ApiCall.WriteAsync<ReferralRequest>(
            call.Request,
            async (actor, body) =>
            {
                var made = (await call.Service.CreateAsync(actor, body.ToCommand(), ct)).Referral;
                return Results.Created($"/api/v1/referrals/{made.Id}", new ReferralCreated(made.Id, made.Status.Key(), made.DueAt, made.Version));
            },
            call.Problem);

    private static async Task<IResult> ListAsync(
        [AsParameters] ReferralCall call,
        CancellationToken ct,
        string? box = null,
        string? status = null,
        bool? overdue = null,
        Guid? childId = null,
        int limit = ReferralQuery.DefaultLimit)
    {
        var (actor, refusal) = call.Reader();
        if (refusal is not null)
        {
            return refusal;
        }
        var errors = new InputErrors();
        ReferralStatus? wanted = null;
        if (status is not null)
        {
            if (EnumKeys.TryParse<ReferralStatus>(status, out var s))
            {
                wanted = s;
            }
            else
            {
                errors.Add("status", "Error.Status.Unknown");
            }
        }
        if (box is not (null or "all" or "inbox" or "outbox"))
        {
            errors.Add("box", "Error.Box.Unknown");
        }
        if (limit is < 1 or > ReferralQuery.MaxLimit)
        {
            errors.Add("limit", "Error.Limit.Range");
        }
        if (!errors.IsEmpty)
        {
            return ApiProblems.Invalid(errors, call.Localizer);
        }
        var query = new ReferralQuery(
            FromAgency: box == "outbox" ? actor!.AgencyKey : null,
            ToAgency: box == "inbox" ? actor!.AgencyKey : null,
            Status: wanted,
            Overdue: overdue,
            ChildId: childId,
            Limit: limit);
        try
        {
            var found = await call.Service.ListAsync(actor!, query, ct);
            return Results.Ok(found.Select(r => ReferralResource.Of(r)).ToList());
        }
        catch (Core.Access.ForbiddenException ex)
        {
            return call.Problem(ex);
        }
    }

    private static async Task<IResult> DetailAsync(Guid id, [AsParameters] ReferralCall call, CancellationToken ct)
    {
        var (actor, refusal) = call.Reader();
        if (refusal is not null)
        {
            return refusal;
        }
        try
        {
            return await call.Service.DetailAsync(actor!, id, ct) is { } detail
                ? Results.Ok(ReferralResource.Of(detail))
                : call.Problem(new ReferralNotFoundException(id));
        }
        catch (Core.Access.ForbiddenException ex)
        {
            return call.Problem(ex);
        }
    }

    /// <summary>Who may read referrals: a signed-in caller whose role reads children's files (401 / 403 otherwise).</summary>
    private static (Core.Actor? Actor, IResult? Problem) Reader(HttpRequest request, IStringLocalizer<SharedResource> localizer)
    {
        if (CallerAgency.Resolve(request.HttpContext) is not { } reader)
        {
            return (null, ApiProblems.Unauthorized("Error.Caller.Unknown", localizer));
        }
        return Core.Access.Rights.CanReadReferrals(reader)
            ? (reader, null)
            : (reader, ApiProblems.Domain(new Core.Access.ForbiddenException("Error.Forbidden", "read referrals"), localizer, StatusCodes.Status403Forbidden));
    }

    /// <summary>A domain error as the problem detail its kind calls for.</summary>
    private static IResult Problem(DomainException ex, IStringLocalizer<SharedResource> localizer, Hosting.Labels labels) => ex switch
    {
        InvalidInputException invalid => ApiProblems.Invalid(invalid.Errors, localizer),
        NotFoundException notFound => ApiProblems.NotFound(notFound, localizer),
        ReferralNotAllowedException or Core.Access.ForbiddenException => ApiProblems.Domain(ex, localizer, StatusCodes.Status403Forbidden),
        ReferralConflictException conflict => ApiProblems.Coded(StatusCodes.Status409Conflict, conflict.Code, labels.Conflict(conflict),
            ("state", conflict.Status.Key()), ("version", conflict.Version), ("lastAction", conflict.LastAction?.Key()),
            ("by", conflict.ByAgencyKey), ("at", conflict.At)),
        ReferralStateException state => ApiProblems.Coded(StatusCodes.Status409Conflict, state.Code, localizer, ("state", state.Status.Key())),
        _ => ApiProblems.Domain(ex, localizer),
    };
}
