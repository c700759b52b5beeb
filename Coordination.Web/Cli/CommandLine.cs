using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Cli;

/// <summary>
/// <c>dotnet run --project Coordination.Web -- VERB ...</c>: the board's administration from the machine it runs
/// on. The person at the console acts as the administrator; every write is audited with "cli" as its origin.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["users", "apikeys"];

    public const string Usage = """
        usage:
          users add --email E --agency KEY --role admin|lead|liaison|viewer|township|display [--township KEY] [--name NAME] [--password P]
          users list
          apikeys add --agency KEY --name NAME
          apikeys list
          apikeys revoke HINT-OR-ID
        """;

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    private static readonly Actor Console = new("civil-affairs", "cli", Role.Admin, From: "cli");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var options = Options(args.Skip(2).ToArray());
        try
        {
            switch (args.ElementAtOrDefault(0), args.ElementAtOrDefault(1))
            {
                case ("users", "add"):
                    {
                        if (!EnumKeys.TryParse<Role>(Required(options, "role"), out var role))
                        {
                            throw new ArgumentException("--role must be one of admin, lead, liaison, viewer, township, display.");
                        }
                        var generated = !options.TryGetValue("password", out var password);
                        password ??= AccountService.NewPassword();
                        var account = await sp.GetRequiredService<AccountService>().CreateAsync(
                            Required(options, "email"), Required(options, "agency"), role, options.GetValueOrDefault("township"), options.GetValueOrDefault("name"), password);
                        output.WriteLine($"Created {account.Email} ({role.Key()}, {account.AgencyKey}{(account.TownshipKey is null ? "" : ", " + account.TownshipKey)}).");
                        if (generated)
                        {
                            output.WriteLine($"Password (shown once, give it to the person and ask them to keep it safe): {password}");
                        }
                        return 0;
                    }
                case ("users", "list"):
                    foreach (var a in sp.GetRequiredService<UserManager<Account>>().Users.OrderBy(a => a.AgencyKey).ThenBy(a => a.Email).ToList())
                    {
                        output.WriteLine($"{a.Email}\t{a.AgencyKey}\t{a.Role.Key()}\t{a.TownshipKey}\t{(a.LockoutEnd > DateTimeOffset.UtcNow ? "locked" : "")}");
                    }
                    return 0;
                case ("apikeys", "add"):
                    {
                        var (key, secret) = await sp.GetRequiredService<ApiKeyService>().CreateAsync(Console, Required(options, "agency"), Required(options, "name"));
                        output.WriteLine($"API key for {key.AgencyKey} ({key.Name}), shown once — store it now:");
                        output.WriteLine(secret);
                        return 0;
                    }
                case ("apikeys", "list"):
                    foreach (var k in await sp.GetRequiredService<ApiKeyService>().ListAsync())
                    {
                        output.WriteLine($"{k.Hint}…\t{k.AgencyKey}\t{k.Name}\t{k.CreatedAt:yyyy-MM-dd}\t{(k.IsRevoked ? "revoked " + k.RevokedAt!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "live")}");
                    }
                    return 0;
                case ("apikeys", "revoke"):
                    {
                        var which = args.ElementAtOrDefault(2) ?? throw new ArgumentException("Name the key: its hint (first characters) or id.");
                        var found = await sp.GetRequiredService<ApiKeyService>().RevokeAsync(Console, which);
                        output.WriteLine(found ? $"Revoked {which}." : $"No key {which}.");
                        return found ? 0 : 1;
                    }
                default:
                    output.WriteLine(Usage);
                    return 2;
            }
        }
        catch (ArgumentException ex)
        {
            output.WriteLine(ex.Message);
            output.WriteLine(Usage);
            return 2;
        }
        catch (InvalidInputException ex)
        {
            var localizer = sp.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
            foreach (var (field, codes) in ex.Errors.ByField)
            {
                output.WriteLine($"--{field}: {string.Join("; ", codes.Select(c => (string)localizer[c]))}");
            }
            return 1;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                options[args[i][2..]] = args[++i];
            }
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : throw new ArgumentException($"--{name} is required.");
}
