using Coordination.Core.Children;
using Coordination.Core.Screenings;

namespace Coordination.Web.Api;

/// <summary>The body of <c>POST /api/v1/screenings</c>.</summary>
public sealed record ScreeningRequest(
    string? Kind,
    DateOnly? Date,
    ScreeningChildRequest? Child,
    string? Risk,
    IReadOnlyList<string>? Needs,
    string? Findings)
{
    public RecordScreening ToCommand()
    {
        var child = Child;
        var isNew = child is not null
            && (child.Name is not null || child.Sex is not null || child.BirthDate is not null
                || child.ResidentId is not null || child.Township is not null || child.Categories is not null);
        return new RecordScreening(
            Kind,
            Date,
            child?.Id,
            isNew ? new NewChild(child!.Name, child.Sex, child.BirthDate, child.ResidentId, child.Township, child.Categories) : null,
            Risk,
            Needs,
            Findings);
    }
}

/// <summary>A child on the register (<c>id</c>) or one to register (the other fields).</summary>
public sealed record ScreeningChildRequest(
    Guid? Id,
    string? Name,
    string? Sex,
    DateOnly? BirthDate,
    string? ResidentId,
    string? Township,
    IReadOnlyList<string>? Categories);

/// <summary>The answer to a recorded screening.</summary>
public sealed record ScreeningCreated(Guid Id, Guid ChildId, long Sequence);
