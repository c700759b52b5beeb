using System.CommandLine;

namespace Coordination.Web.Cli;

/// <summary><c>apikeys add|list|revoke</c>: keys with which an agency's programs call the API and the hub.</summary>
public static class ApiKeysCommand
{
    public static Command Create(CliContext context)
    {
        var keys = new Command("apikeys", context.Text("Cli.ApiKeys"));
        keys.Subcommands.Add(Add(context));
        keys.Subcommands.Add(List(context));
        keys.Subcommands.Add(Revoke(context));
        return keys;
    }

    private static Command Add(CliContext context)
    {
        var agency = CliContext.Required("--agency", context.Text("Cli.ApiKeys.Add.Agency"));
        var name = CliContext.Required("--name", context.Text("Cli.ApiKeys.Add.Name"));
        var add = new Command("add", context.Text("Cli.ApiKeys.Add")) { agency, name };
        context.Action(add, async (parse, sp, _) =>
        {
            var (key, secret) = await sp.GetRequiredService<ApiKeyService>().CreateAsync(CliContext.Console, parse.GetRequiredValue(agency), parse.GetRequiredValue(name));
            context.Output.WriteLine($"API key for {key.AgencyKey} ({key.Name}), shown once — store it now:");
            context.Output.WriteLine(secret);
            return 0;
        });
        return add;
    }

    private static Command List(CliContext context)
    {
        var list = new Command("list", context.Text("Cli.ApiKeys.List"));
        context.Action(list, async (_, sp, _) =>
        {
            foreach (var k in await sp.GetRequiredService<ApiKeyService>().ListAsync(CliContext.Console))
            {
                context.Output.WriteLine($"{k.Hint}…\t{k.AgencyKey}\t{k.Name}\t{k.CreatedAt:yyyy-MM-dd}\t{(k.IsRevoked ? "revoked " + k.RevokedAt!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "live")}");
            }
            return 0;
        });
        return list;
    }

    private static Command Revoke(CliContext context)
    {
        var which = new Argument<string>("key") { Description = context.Text("Cli.ApiKeys.Revoke.Key") };
        var revoke = new Command("revoke", context.Text("Cli.ApiKeys.Revoke")) { which };
        context.Action(revoke, async (parse, sp, _) =>
        {
            var key = parse.GetRequiredValue(which);
            var found = await sp.GetRequiredService<ApiKeyService>().RevokeAsync(CliContext.Console, key);
            context.Output.WriteLine(found ? $"Revoked {key}." : $"No key {key}.");
            return found ? 0 : 1;
        });
        return revoke;
    }
}
