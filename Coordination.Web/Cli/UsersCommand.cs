using System.CommandLine;
using Coordination.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Cli;

/// <summary>
/// <c>users add|list|disable|enable|reset|end-sessions|remove-demo</c>: people's accounts, made on the server (there
/// is no self-registration), and access taken away again.
/// </summary>
public static class UsersCommand
{
    private static readonly string[] Roles = Enum.GetValues<Role>().Select(r => r.Key()).ToArray();

    public static Command Create(CliContext context)
    {
        var users = new Command("users", context.Text("Cli.Users"));
        users.Subcommands.Add(Add(context));
        users.Subcommands.Add(List(context));
        users.Subcommands.Add(Change(context, "disable", "Cli.Users.Disable", (accounts, email) => accounts.DisableAsync(CliContext.Console, email), "Cli.Users.Disabled"));
        users.Subcommands.Add(Change(context, "enable", "Cli.Users.Enable", (accounts, email) => accounts.EnableAsync(CliContext.Console, email), "Cli.Users.Enabled"));
        users.Subcommands.Add(Reset(context));
        users.Subcommands.Add(Change(context, "end-sessions", "Cli.Users.EndSessions", (accounts, email) => accounts.EndSessionsAsync(CliContext.Console, email), "Cli.Users.SessionsEnded"));
        users.Subcommands.Add(RemoveDemo(context));
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
                context.Output.WriteLine($"{a.Email}\t{a.AgencyKey}\t{a.Role.Key()}\t{a.TownshipKey}\t{(a.IsDisabled ? "disabled" : a.LockoutEnd > DateTimeOffset.UtcNow ? "locked" : "")}");
            }
            return Task.FromResult(0);
        });
        return list;
    }

    /// <summary>A verb that changes one account named by <c>--email</c> and says what it did.</summary>
    private static Command Change(CliContext context, string name, string help, Func<AccountService, string, Task> change, string done)
    {
        var email = CliContext.Required("--email", context.Text("Cli.Users.Email"));
        var command = new Command(name, context.Text(help)) { email };
        context.Action(command, async (parse, sp, _) =>
        {
            var address = parse.GetRequiredValue(email);
            await change(sp.GetRequiredService<AccountService>(), address);
            context.Output.WriteLine(context.Text(done, address));
            return 0;
        });
        return command;
    }

    private static Command Reset(CliContext context)
    {
        var email = CliContext.Required("--email", context.Text("Cli.Users.Email"));
        var password = CliContext.Optional("--password", context.Text("Cli.Users.Add.Password"));
        var reset = new Command("reset", context.Text("Cli.Users.Reset")) { email, password };
        context.Action(reset, async (parse, sp, _) =>
        {
            var address = parse.GetRequiredValue(email);
            var given = parse.GetValue(password);
            var secret = await sp.GetRequiredService<AccountService>().ResetPasswordAsync(CliContext.Console, address, given);
            context.Output.WriteLine(context.Text("Cli.Users.WasReset", address));
            if (given is null)
            {
                context.Output.WriteLine($"Password (shown once, give it to the person and ask them to keep it safe): {secret}");
            }
            return 0;
        });
        return reset;
    }

    private static Command RemoveDemo(CliContext context)
    {
        var remove = new Command("remove-demo", context.Text("Cli.Users.RemoveDemo"));
        context.Action(remove, async (_, sp, _) =>
        {
            var removed = await sp.GetRequiredService<AccountService>().RemoveDemoAccountsAsync(CliContext.Console);
            context.Output.WriteLine(context.Text("Cli.Users.DemoRemoved", removed.Count, string.Join(", ", removed)));
            return 0;
        });
        return remove;
    }
}
