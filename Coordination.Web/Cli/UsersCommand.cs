using System.CommandLine;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Cli;

/// <summary><c>users add|list</c>: people's accounts, made on the server (there is no self-registration).</summary>
public static class UsersCommand
{
    private static readonly string[] Roles = Enum.GetValues<Role>().Select(r => r.Key()).ToArray();

    public static Command Create(CliContext context)
    {
        var users = new Command("users", context.Text("Cli.Users"));
        users.Subcommands.Add(Add(context));
        users.Subcommands.Add(List(context));
        return users;
    }

    private static Command Add(CliContext context)
    {
        var email = CliContext.Required("--email", context.Text("Cli.Users.Add.Email"));
        var agency = CliContext.Required("--agency", context.Text("Cli.Users.Add.Agency"));
        var role = CliContext.Required("--role", context.Text("Cli.Users.Add.Role", string.Join(", ", Roles)));
        role.AcceptOnlyFromAmong(Roles);
        var township = CliContext.Optional("--township", context.Text("Cli.Users.Add.Township"));
        var name = CliContext.Optional("--name", context.Text("Cli.Users.Add.Name"));
        var password = CliContext.Optional("--password", context.Text("Cli.Users.Add.Password"));
        var add = new Command("add", context.Text("Cli.Users.Add")) { email, agency, role, township, name, password };
        context.Action(add, async (parse, sp, _) =>
        {
            EnumKeys.TryParse<Role>(parse.GetRequiredValue(role), out var chosen);
            var given = parse.GetValue(password);
            var secret = given ?? AccountService.NewPassword();
            var account = await sp.GetRequiredService<AccountService>().CreateAsync(
                parse.GetRequiredValue(email), parse.GetRequiredValue(agency), chosen, parse.GetValue(township), parse.GetValue(name), secret);
            context.Output.WriteLine($"Created {account.Email} ({chosen.Key()}, {account.AgencyKey}{(account.TownshipKey is null ? "" : ", " + account.TownshipKey)}).");
            if (given is null)
            {
                context.Output.WriteLine($"Password (shown once, give it to the person and ask them to keep it safe): {secret}");
            }
            return 0;
        });
        return add;
    }

    private static Command List(CliContext context)
    {
        var list = new Command("list", context.Text("Cli.Users.List"));
        context.Action(list, (_, sp, _) =>
        {
            foreach (var a in sp.GetRequiredService<UserManager<Account>>().Users.OrderBy(a => a.AgencyKey).ThenBy(a => a.Email).ToList())
            {
                context.Output.WriteLine($"{a.Email}\t{a.AgencyKey}\t{a.Role.Key()}\t{a.TownshipKey}\t{(a.LockoutEnd > DateTimeOffset.UtcNow ? "locked" : "")}");
            }
            return Task.FromResult(0);
        });
        return list;
    }
}
