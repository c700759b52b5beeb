using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Core.Access;
using Coordination.Core.Audit;
using Coordination.Core.Data;
using Coordination.Tests.Support;
using Coordination.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Tests.Web;

/// <summary>What anyone can type into the sign-in form reaches the append-only audit trail bounded and on one line; the trail names accounts by their unique e-mail.</summary>
public sealed class SignInBoundsTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<AuditEntry>> AuditAsync(Func<AuditEntry, bool> which)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        return (await db.AuditEntries.AsNoTracking().ToListAsync(Ct)).Where(which).ToList();
    }

    [Fact]
    public async Task A_huge_typed_email_with_line_breaks_and_markup_is_kept_bounded_and_on_one_line()
    {
        var marker = "flood-" + Guid.NewGuid().ToString("N");
        var typed = marker + "\r\n<script>alert(1)</script>" + new string('a', 1_000_000);
        using var browser = new HttpBrowser(_app.Address);

        var answer = await browser.SignInAsync(typed, "whatever-password-typed");

        Assert.False(answer.SignedIn);
        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.Status);
        var entry = Assert.Single(await AuditAsync(e => e.Who.StartsWith(marker, StringComparison.Ordinal)));
        Assert.True(entry.Who.Length <= AuditEntry.WhoMaxLength, $"{entry.Who.Length} characters kept");
        Assert.DoesNotContain('\r', entry.Who);
        Assert.DoesNotContain('\n', entry.Who);
    }

    [Fact]
    public async Task The_audit_trail_names_the_account_by_its_email_not_its_display_name()
    {
        var email = $"li.hua-{Guid.NewGuid():N}@health.test";
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(email, "health", Role.Liaison, null, "李华", BoardApp.Password);
        }
        using var browser = new HttpBrowser(_app.Address);
        Assert.True((await browser.SignInAsync(email, BoardApp.Password)).SignedIn);

        using var response = await browser.Http.PostAsJsonAsync("/api/v1/screenings", ScreeningBodies.NewChild(), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var childId = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!;
        var written = await AuditAsync(e => e.SubjectId == childId && e.Action == AuditActions.Created);
        Assert.NotEmpty(written);
        Assert.All(written, e => Assert.Equal(email, e.Who));
    }
}
