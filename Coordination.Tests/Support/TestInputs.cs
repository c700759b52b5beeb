using Coordination.Core;
using Coordination.Core.Children;
using Coordination.Core.Screenings;

namespace Coordination.Tests.Support;

/// <summary>Valid input as a liaison would type it, for tests to spoil one field at a time.</summary>
public static class TestInputs
{
    public const string Township = "ximei-jiedao";

    public static readonly Actor CivilAffairs = Actor.ForAgency("civil-affairs");
    public static readonly Actor WomensFederation = Actor.ForAgency("womens-federation");
    public static readonly Actor Health = Actor.ForAgency("health");
    public static readonly Actor Education = Actor.ForAgency("education");
    public static readonly Actor CivilAffairsLead = new("civil-affairs", "civil-affairs lead", Coordination.Core.Access.Role.Lead);
    public static readonly Actor Admin = new("civil-affairs", "admin", Coordination.Core.Access.Role.Admin, From: "tests");

    /// <summary>The screening kind each agency records.</summary>
    public static string KindOf(Actor actor) => actor.AgencyKey switch
    {
        "civil-affairs" => "household",
        "womens-federation" => "psychological",
        "health" => "health-check",
        "education" => "school-survey",
        _ => throw new ArgumentOutOfRangeException(nameof(actor), actor.AgencyKey, "no screening kind"),
    };

    public static NewChild NewChild(
        string name = "陈小明",
        Sex sex = Sex.M,
        DateOnly? birth = null,
        int serial = 0,
        string township = Township,
        params string[] categories)
    {
        // Without a birth date given, each serial its own day from 2015-06-01 (serial 0 on that day): children of the
        // same name and township registered with different serials are then not near duplicates.
        var birthDate = birth ?? new DateOnly(2015, 6, 1).AddDays(serial);
        return new NewChild(
            name,
            sex.ToString(),
            birthDate,
            TestResidentIds.For(birthDate, sex, serial),
            township,
            categories.Length == 0 ? ["left-behind"] : categories);
    }

    public static RecordScreening OfNewChild(Actor actor, NewChild child, DateOnly date, string risk = "low", params string[] needs) =>
        new(KindOf(actor), date, null, child, risk, needs, "监护落实，生活基本有保障。");

    public static RecordScreening OfChild(Actor actor, Guid childId, DateOnly date, string risk = "low", params string[] needs) =>
        new(KindOf(actor), date, childId, null, risk, needs, "筛查结果正常。");
}
