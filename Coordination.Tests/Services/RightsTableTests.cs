using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Coordination.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Tests.Services;

/// <summary>
/// Every role × action, at the services (where the rights are enforced, whatever face calls): each allowed
/// action goes through, each refused one raises a refusal and changes nothing.
/// </summary>
public sealed class RightsTableTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private readonly InProcessBoardNotifier _notifier = new(NullLogger<InProcessBoardNotifier>.Instance);
    private TestDatabase _database = null!;
    private ScreeningService _screenings = null!;
    private ReferralService _referrals = null!;
    private ChildService _children = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Ct);
        _screenings = new ScreeningService(_database, _notifier, _clock.Board);
        _referrals = ReferralSetup.Service(_database, _notifier, _clock);
        _children = new ChildService(_database, _notifier, _clock.Board);
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private static Actor As(Role role, string agency = "civil-affairs", string? township = null) =>
        new(agency, $"{agency} {role}", role, role == Role.Township ? township ?? TestInputs.Township : null, "tests");

    private int _serial;

    /// <summary>A child of <paramref name="township"/>, registered by civil affairs' liaison.</summary>
    private async Task<Guid> ChildAsync(string township = TestInputs.Township) =>
        (await _screenings.RecordAsync(TestInputs.CivilAffairs,
            TestInputs.OfNewChild(TestInputs.CivilAffairs, TestInputs.NewChild(serial: 100 + Interlocked.Increment(ref _serial), township: township), _clock.Today), Ct)).ChildId;

    private static bool Refused(Exception? e) => e is ForbiddenException or ReferralNotAllowedException;

    private static async Task<Exception?> Outcome(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return e;
        }
    }

    private async Task Expect(bool allowed, Func<Task> action, string what)
    {
        var before = await _database.CountRowsAsync(Ct);
        var outcome = await Outcome(action);
        if (allowed)
        {
            Assert.False(Refused(outcome), $"{what} should be allowed but was refused: {outcome?.Message}");
        }
        else
        {
            Assert.True(Refused(outcome), $"{what} should be refused but {(outcome is null ? "went through" : "failed otherwise: " + outcome.Message)}");
            Assert.Equal(before, await _database.CountRowsAsync(Ct));
        }
    }

    public static TheoryData<Role, string, string, bool> ScreeningCases()
    {
        var data = new TheoryData<Role, string, string, bool>();
        var own = new Dictionary<string, string>
        {
            ["civil-affairs"] = "household", ["womens-federation"] = "psychological", ["health"] = "health-check", ["education"] = "school-survey",
        };
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var (agency, ownKind) in own)
            {
                foreach (var kind in own.Values)
                {
                    // Lead and liaison record their own agency's kind; a township supervisor (civil affairs) household only.
                    var allowed = (role is Role.Lead or Role.Liaison && kind == ownKind)
                        || (role == Role.Township && agency == "civil-affairs" && kind == "household");
                    data.Add(role, agency, kind, allowed);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScreeningCases))]
    public async Task Recording_each_screening_kind(Role role, string agency, string kind, bool allowed)
    {
        var child = await ChildAsync();
        var actor = As(role, agency);
        var before = await _database.CountRowsAsync(Ct);
        var outcome = await Outcome(() => _screenings.RecordAsync(actor, new RecordScreening(kind, _clock.Today, child, null, "low", [], ""), Ct));
        if (allowed)
        {
            Assert.Null(outcome);
            return;
        }
        Assert.Equal(before, await _database.CountRowsAsync(Ct));
        // Another agency's kind is a field error for those who screen at all; everyone else is refused outright.
        Assert.True(Refused(outcome) || outcome is InvalidInputException { Errors: var e } && e.First("kind") == "Error.Kind.NotThisAgency",
            $"{role} of {agency} recording {kind}: {outcome?.Message ?? "went through"}");
    }

    [Fact]
    public async Task A_township_supervisor_records_household_screenings_only_in_its_own_township()
    {
        var mine = await ChildAsync(TestInputs.Township);
        var theirs = await ChildAsync("meilin-jiedao");
        var supervisor = As(Role.Township, township: TestInputs.Township);

        await Expect(true, () => _screenings.RecordAsync(supervisor, new RecordScreening("household", _clock.Today, mine, null, "low", [], ""), Ct), "own township");
        await Expect(false, () => _screenings.RecordAsync(supervisor, new RecordScreening("household", _clock.Today, theirs, null, "low", [], ""), Ct), "another township");
    }

    public static TheoryData<Role, bool> WorkerCases() => new()
    {
        { Role.Admin, false }, { Role.Lead, true }, { Role.Liaison, true }, { Role.Viewer, false }, { Role.Township, false }, { Role.Display, false },
    };

    [Theory]
    [MemberData(nameof(WorkerCases))]
    public async Task Creating_a_referral(Role role, bool allowed)
    {
        var child = await ChildAsync();
        await Expect(allowed, () => _referrals.CreateAsync(As(role, "education"), ReferralSetup.ToFederation(child), Ct), $"{role} refers");
    }

    [Theory]
    [MemberData(nameof(WorkerCases))]
    public async Task Accepting_declining_and_completing_a_referral_addressed_to_ones_agency(Role role, bool allowed)
    {
        var child = await ChildAsync();
        var federation = As(role, "womens-federation");

        var toAccept = await _referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        await Expect(allowed, () => _referrals.AcceptAsync(federation, toAccept.Referral.Id, toAccept.Referral.Version, Ct), $"{role} accepts");

        var toDecline = await _referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        await Expect(allowed, () => _referrals.DeclineAsync(federation, toDecline.Referral.Id, toDecline.Referral.Version, "不在服务范围", null, Ct), $"{role} declines");

        var toComplete = await _referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        var accepted = await _referrals.AcceptAsync(TestInputs.WomensFederation, toComplete.Referral.Id, toComplete.Referral.Version, Ct);
        await Expect(allowed, () => _referrals.CompleteAsync(federation, accepted.Referral.Id, accepted.Referral.Version, "完成三次团体辅导", Ct), $"{role} completes");
    }

    [Theory]
    [MemberData(nameof(WorkerCases))]
    public async Task Withdrawing_a_referral_ones_agency_sent(Role role, bool allowed)
    {
        var child = await ChildAsync();
        var sent = await _referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        await Expect(allowed, () => _referrals.WithdrawAsync(As(role, "education"), sent.Referral.Id, sent.Referral.Version, "已由学校解决", Ct), $"{role} withdraws");
    }

    public static TheoryData<Role, string> ReferralActorCases()
    {
        var data = new TheoryData<Role, string>();
        foreach (var role in Enum.GetValues<Role>())
        {
            // The receiver, the sender and an agency not involved.
            foreach (var agency in new[] { "womens-federation", "education", "health" })
            {
                data.Add(role, agency);
            }
        }
        return data;
    }

    /// <summary>A referral from education to the women's federation, brought into <paramref name="status"/> by those who may.</summary>
    private async Task<ReferralView> ReferralInAsync(Guid child, ReferralStatus status)
    {
        var r = (await _referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct)).Referral;
        return status switch
        {
            ReferralStatus.Pending => r,
            ReferralStatus.Accepted => (await _referrals.AcceptAsync(TestInputs.WomensFederation, r.Id, r.Version, Ct)).Referral,
            ReferralStatus.Declined => (await _referrals.DeclineAsync(TestInputs.WomensFederation, r.Id, r.Version, "不在服务范围", null, Ct)).Referral,
            ReferralStatus.Withdrawn => (await _referrals.WithdrawAsync(TestInputs.Education, r.Id, r.Version, "已由学校解决", Ct)).Referral,
            _ => await CompletedAsync(r),
        };
    }

    private async Task<ReferralView> CompletedAsync(ReferralView pending)
    {
        var accepted = (await _referrals.AcceptAsync(TestInputs.WomensFederation, pending.Id, pending.Version, Ct)).Referral;
        return (await _referrals.CompleteAsync(TestInputs.WomensFederation, accepted.Id, accepted.Version, "完成三次团体辅导", Ct)).Referral;
    }

    private Task Act(Actor actor, ReferralAction action, ReferralView r) => action switch
    {
        ReferralAction.Accepted => _referrals.AcceptAsync(actor, r.Id, r.Version, Ct),
        ReferralAction.Declined => _referrals.DeclineAsync(actor, r.Id, r.Version, "不在服务范围", null, Ct),
        ReferralAction.Completed => _referrals.CompleteAsync(actor, r.Id, r.Version, "完成三次团体辅导", Ct),
        _ => _referrals.WithdrawAsync(actor, r.Id, r.Version, "已由学校解决", Ct),
    };

    /// <summary>
    /// The referrals page offers an action when <see cref="ReferralView.Allows"/> says so; the service lets it through
    /// by the same rule. For every role, agency, state and action the two agree: the page never offers what the
    /// service refuses, nor hides what it allows.
    /// </summary>
    [Theory]
    [MemberData(nameof(ReferralActorCases))]
    public async Task What_the_referrals_page_offers_is_exactly_what_the_service_allows(Role role, string agency)
    {
        var actor = As(role, agency);
        var child = await ChildAsync();
        var allowedSomewhere = 0;
        foreach (var status in Enum.GetValues<ReferralStatus>())
        {
            foreach (var action in new[] { ReferralAction.Accepted, ReferralAction.Declined, ReferralAction.Completed, ReferralAction.Withdrawn })
            {
                var referral = await ReferralInAsync(child, status);
                var offered = referral.Allows(actor, action);
                var outcome = await Outcome(() => Act(actor, action, referral));
                Assert.True(offered == outcome is null,
                    $"{role} of {agency}, {action} on a {status} referral: the page {(offered ? "offers" : "hides")} it, the service {(outcome is null ? "allowed it" : "refused: " + outcome.Message)}");
                allowedSomewhere += offered ? 1 : 0;
            }
        }
        // The receiver's and the sender's lead and liaison each have something to do; no one else has anything.
        var works = role is Role.Lead or Role.Liaison;
        Assert.Equal(works && agency == "womens-federation" ? 3 : works && agency == "education" ? 2 : 0, allowedSomewhere);
    }

    [Theory]
    [InlineData("health")]
    [InlineData("education")]
    [InlineData("civil-affairs")]
    public async Task Acting_on_another_agencys_referral_by_its_id_is_refused(string intruder)
    {
        var child = await ChildAsync();
        var sent = await _referrals.CreateAsync(TestInputs.Education, ReferralSetup.ToFederation(child), Ct);
        var id = sent.Referral.Id;
        var version = sent.Referral.Version;
        var lead = As(Role.Lead, intruder);

        await Expect(false, () => _referrals.AcceptAsync(lead, id, version, Ct), $"{intruder} accepts the federation's referral");
        await Expect(false, () => _referrals.DeclineAsync(lead, id, version, "x", null, Ct), $"{intruder} declines it");
        if (intruder != "education")
        {
            await Expect(false, () => _referrals.WithdrawAsync(lead, id, version, "x", Ct), $"{intruder} withdraws education's referral");
        }
        Assert.Equal(ReferralStatus.Pending, (await _referrals.DetailAsync(TestInputs.CivilAffairs, id, Ct))!.Referral.Status);
    }

    public static TheoryData<Role, string, bool> MergeCases()
    {
        var data = new TheoryData<Role, string, bool>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var agency in new[] { "civil-affairs", "health" })
            {
                data.Add(role, agency, role == Role.Lead && agency == "civil-affairs");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MergeCases))]
    public async Task Merging_two_records(Role role, string agency, bool allowed)
    {
        var kept = await ChildAsync();
        var duplicate = await ChildAsync();
        await Expect(allowed, () => _children.MergeAsync(As(role, agency), kept, duplicate, Ct), $"{role} of {agency} merges");
    }

    public static TheoryData<Role, bool> RevealCases() => WorkerCases();

    [Theory]
    [MemberData(nameof(RevealCases))]
    public async Task Revealing_a_resident_id_is_allowed_to_those_who_work_the_files_and_audited(Role role, bool allowed)
    {
        var child = await ChildAsync();
        var outcome = await Outcome(() => _children.RevealResidentIdAsync(As(role), child, Ct));
        Assert.Equal(allowed, outcome is null);
        await using var db = _database.CreateDbContext();
        Assert.Equal(allowed ? 1 : 0, db.AuditEntries.Count(e => e.Action == AuditActions.ResidentIdRevealed && e.SubjectId == child.ToString()));
    }

    public static TheoryData<Role, bool> AdminCases() => new()
    {
        { Role.Admin, true }, { Role.Lead, false }, { Role.Liaison, false }, { Role.Viewer, false }, { Role.Township, false }, { Role.Display, false },
    };

    [Theory]
    [MemberData(nameof(AdminCases))]
    public async Task The_administrators_work_reference_data_api_keys_and_the_audit_trail(Role role, bool allowed)
    {
        var actor = As(role);
        var villages = new VillageService(_database, _clock.Board);
        var keys = new ApiKeyService(_database, _clock.Board);
        var audit = new AuditLog(_database, _clock.Board);

        await Expect(allowed, () => villages.AddAsync(actor, TestInputs.Township, "权限测试村" + role, Ct), $"{role} adds a village");
        await Expect(allowed, () => keys.CreateAsync(actor, "health", "rights", Ct), $"{role} makes an API key");
        await Expect(allowed, () => audit.ListAsync(actor, new AuditQuery(), Ct), $"{role} reads the audit trail");
    }

    [Theory]
    [InlineData(Role.Admin, true)]
    [InlineData(Role.Lead, true)]
    [InlineData(Role.Liaison, false)]
    [InlineData(Role.Viewer, false)]
    [InlineData(Role.Township, false)]
    [InlineData(Role.Display, false)]
    public void Exporting_the_quarterly_workbook(Role role, bool allowed) =>
        Assert.Equal(allowed, Rights.CanExport(As(role)));

    public static TheoryData<Role, bool> ReaderCases() => new()
    {
        { Role.Admin, false }, { Role.Lead, true }, { Role.Liaison, true }, { Role.Viewer, true }, { Role.Township, true }, { Role.Display, false },
    };

    [Theory]
    [MemberData(nameof(ReaderCases))]
    public async Task Opening_a_childs_file_and_the_register(Role role, bool allowed)
    {
        var child = await ChildAsync();
        await Expect(allowed, () => _children.GetProfileAsync(As(role), child, ct: Ct), $"{role} opens a file");
        await Expect(allowed, () => _children.ListAsync(As(role), new ChildQuery(), Ct), $"{role} lists the register");
    }

    [Fact]
    public async Task A_township_account_reads_only_its_own_townships_children()
    {
        var mine = await ChildAsync(TestInputs.Township);
        var theirs = await ChildAsync("meilin-jiedao");
        var supervisor = As(Role.Township, township: TestInputs.Township);

        Assert.NotNull(await _children.GetProfileAsync(supervisor, mine, ct: Ct));
        await Expect(false, () => _children.GetProfileAsync(supervisor, theirs, ct: Ct), "reading another township's child");
        var listed = await _children.ListAsync(supervisor, new ChildQuery(PageSize: 200), Ct);
        Assert.All(listed.Rows, r => Assert.Equal(TestInputs.Township, r.TownshipKey));
        Assert.DoesNotContain(listed.Rows, r => r.Id == theirs);
        var asked = await _children.ListAsync(supervisor, new ChildQuery(Township: "meilin-jiedao"), Ct);
        Assert.Equal(0, asked.Total);
    }

    [Fact]
    public async Task Opening_a_file_is_audited_and_a_refused_opening_reveals_nothing()
    {
        var child = await ChildAsync();

        await _children.GetProfileAsync(TestInputs.Health, child, ct: Ct);
        await Expect(false, () => _children.GetProfileAsync(As(Role.Display), child, ct: Ct), "the wall opens a file");

        await using var db = _database.CreateDbContext();
        var views = db.AuditEntries.Where(e => e.Action == AuditActions.ChildViewed && e.SubjectId == child.ToString()).ToList();
        var view = Assert.Single(views);
        Assert.Equal(("health", "liaison"), (view.AgencyKey, view.Role));
    }
}
