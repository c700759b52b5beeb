using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Coordination.Core.Access;
using Coordination.Tests.Support;
using Coordination.Web.Accounts;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Coordination.Tests.Web;

/// <summary>
/// A Blazor circuit makes no HTTP requests for hours: its minute-by-minute check is what ends it. Called directly
/// (the check is protected, the class sealed: through reflection) on the app's accounts and a clock the test sets.
/// </summary>
public sealed class CircuitSessionValidatorTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>, IDisposable
{
    private readonly BoardApp _app = fixture.App;
    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private CircuitSessionValidator? _validator;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => ((IDisposable?)_validator)?.Dispose();

    private CircuitActivity? _activity;

    private CircuitActivity Activity => _activity ??= new CircuitActivity(_time);

    private CircuitSessionValidator Validator => _validator ??= new CircuitSessionValidator(
        NullLoggerFactory.Instance,
        _app.Services.GetRequiredService<IServiceScopeFactory>(),
        Microsoft.Extensions.Options.Options.Create(new SessionOptions()),
        _time,
        Activity);

    private Task<bool> ValidAsync(ClaimsPrincipal user) =>
        (Task<bool>)typeof(CircuitSessionValidator)
            .GetMethod("ValidateAuthenticationStateAsync", BindingFlags.Instance | BindingFlags.NonPublic)!
            .Invoke(Validator, [new AuthenticationState(user), Ct])!;

    /// <summary>A new account and the principal its sign-in makes now, as <see cref="SignIn"/> builds it.</summary>
    private async Task<(string Email, ClaimsPrincipal User)> SignedInAsync(Role role = Role.Liaison, bool withStart = true)
    {
        var email = $"circuit-{Guid.NewGuid():N}@education.test";
        await using var scope = _app.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "education", role, null, null, BoardApp.Password);
        var user = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Account>>().CreateAsync(account);
        if (withStart)
        {
            ((ClaimsIdentity)user.Identity!).AddClaim(new Claim(SignIn.IssuedClaim, _time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)));
        }
        return (email, user);
    }

    private async Task ChangeAccountAsync(string email, Func<UserManager<Account>, Account, Task> change)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await change(users, (await users.FindByEmailAsync(email))!);
    }

    [Fact]
    public async Task A_live_account_keeps_its_circuit_within_the_10_hours()
    {
        var (_, user) = await SignedInAsync();

        // Someone working: an action every 20 minutes keeps the circuit inside the idle limit.
        for (var i = 0; i < 30; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            Activity.Touch();
            Assert.True(await ValidAsync(user), $"after {(i + 1) * 20} minutes");
        }

        Assert.True(await ValidAsync(user), "exactly 10 hours is still within the limit");
    }

    [Fact]
    public async Task The_circuit_loses_its_sign_in_once_the_10_hours_have_passed()
    {
        var (_, user) = await SignedInAsync();

        _time.Advance(TimeSpan.FromHours(10) + TimeSpan.FromMinutes(1));

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task A_wall_display_circuit_outlasts_10_hours_but_not_its_90_days()
    {
        var (_, user) = await SignedInAsync(Role.Display);

        _time.Advance(TimeSpan.FromHours(11));
        Assert.True(await ValidAsync(user));
        _time.Advance(TimeSpan.FromDays(90));

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task The_circuit_of_an_account_locked_out_by_failed_sign_ins_loses_its_sign_in()
    {
        var (email, user) = await SignedInAsync();
        Assert.True(await ValidAsync(user));

        await ChangeAccountAsync(email, async (users, account) =>
        {
            for (var failure = 0; failure < 5; failure++)
            {
                await users.AccessFailedAsync(account);
            }
            Assert.True(await users.IsLockedOutAsync(account));
        });

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task The_circuit_loses_its_sign_in_when_the_account_security_stamp_changes()
    {
        var (email, user) = await SignedInAsync();
        Assert.True(await ValidAsync(user));

        await ChangeAccountAsync(email, async (users, account) => Assert.True((await users.UpdateSecurityStampAsync(account)).Succeeded));

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task The_circuit_of_an_account_an_administrator_disables_loses_its_sign_in_at_its_next_minute_check()
    {
        var (email, user) = await SignedInAsync();
        Assert.True(await ValidAsync(user));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().DisableAsync(BoardApp.Admin, email);
        }
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task The_circuit_of_a_deleted_account_loses_its_sign_in()
    {
        var (email, user) = await SignedInAsync();

        await ChangeAccountAsync(email, async (users, account) => Assert.True((await users.DeleteAsync(account)).Succeeded));

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task A_sign_in_that_does_not_say_when_it_began_is_not_trusted()
    {
        var (_, user) = await SignedInAsync(withStart: false);

        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task A_circuit_left_idle_for_31_minutes_loses_its_sign_in_and_activity_keeps_it()
    {
        var (_, user) = await SignedInAsync();

        _time.Advance(TimeSpan.FromMinutes(20));
        Activity.Touch();
        _time.Advance(TimeSpan.FromMinutes(20));
        Assert.True(await ValidAsync(user));

        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.False(await ValidAsync(user));
    }

    [Fact]
    public async Task A_wall_display_circuit_is_never_cut_for_being_idle()
    {
        var (_, user) = await SignedInAsync(Role.Display);

        _time.Advance(TimeSpan.FromHours(5));

        Assert.True(await ValidAsync(user));
    }
}
