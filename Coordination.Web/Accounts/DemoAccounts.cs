using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Accounts;

/// <summary>
/// Development only: one account per agency and role, so a newcomer can sign in at once. Their password is the
/// Development one printed at start; Production never gets these (it gets accounts from the CLI).
/// </summary>
public static class DemoAccounts
{
    public const string Password = "board-demo-2026";
    public const string DemoTownship = "shishan-zhen";

    public static IEnumerable<(string Email, string Agency, Role Role, string? Township, string Name)> All(ReferenceCatalog catalog)
    {
        foreach (var agency in catalog.Agencies)
        {
            yield return ($"lead@{agency.Key}.demo", agency.Key, Role.Lead, null, agency.Name + "负责人（演示）");
            yield return ($"liaison@{agency.Key}.demo", agency.Key, Role.Liaison, null, agency.Name + "联络员（演示）");
        }
        yield return ("viewer@demo", "civil-affairs", Role.Viewer, null, "查看账号（演示）");
        yield return ($"township@{DemoTownship}.demo", "civil-affairs", Role.Township, DemoTownship, "诗山镇儿童督导员（演示）");
        yield return ("display@demo", "civil-affairs", Role.Display, null, "会议室大屏（演示）");
        yield return ("admin@demo", "civil-affairs", Role.Admin, null, "系统管理员（演示）");
    }

    public static async Task<IReadOnlyList<string>> EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var catalog = scope.ServiceProvider.GetRequiredService<ReferenceCatalog>();
        var emails = new List<string>();
        foreach (var (email, agency, role, township, name) in All(catalog))
        {
            if (await users.FindByEmailAsync(email) is null)
            {
                await accounts.CreateDemoAsync(email, agency, role, township, name, Password);
            }
            emails.Add($"{email} ({role.ToString().ToLowerInvariant()})");
        }
        return emails;
    }
}
