using System.Net;
using System.Text.RegularExpressions;
using Coordination.Core.Access;
using Coordination.Core.Data;
using Coordination.Core.Demo;
using Coordination.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Tests.Web;

/// <summary>
/// The board as a real installation meets it, in its own processes: the README's commands run as written against
/// a fresh database, demo data kept out of real databases, and sign-in cookies that belong to one installation.
/// </summary>
public sealed partial class InstallationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temp folder's cleanup.
        }
        return ValueTask.CompletedTask;
    }

    private string DatabasePath(string name) => Path.Combine(_folder, name + ".db");

    private static CoordinationDbContext Open(string path)
    {
        var options = new DbContextOptionsBuilder<CoordinationDbContext>();
        Database.Configure(options, Database.ConnectionStringFor(path));
        return new CoordinationDbContext(options.Options);
    }

    private static async Task<(List<string> Emails, int Children, bool Marked)> ContentsAsync(string path)
    {
        await using var db = Open(path);
        return (await db.Users.Select(u => u.Email!).ToListAsync(Ct), await db.Children.CountAsync(Ct), await DemoDatabase.IsMarkedAsync(db, Ct));
    }

    /// <summary>The README's "real installation" block: its exported variables and its commands, as written.</summary>
    private static (Dictionary<string, string> Exports, List<string[]> Commands) RealInstallationBlock()
    {
        var readme = File.ReadAllText(Path.Combine(BoardProcess.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("On a real installation", StringComparison.Ordinal)..];
        var block = CodeBlock().Match(section);
        Assert.True(block.Success, "the README shows the real-installation commands in a code block");
        var exports = new Dictionary<string, string>(StringComparer.Ordinal);
        var commands = new List<string[]>();
        foreach (var line in block.Groups["body"].Value.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                var (key, value) = (line[7..].Split('=', 2)[0], line[7..].Split('=', 2)[1]);
                exports[key] = value;
            }
            else
            {
                commands.Add(Words(line));
            }
        }
        return (exports, commands);
    }

    private static string[] Words(string line) =>
        WordPattern().Matches(line).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value : m.Value).ToArray();

    [Fact]
    public async Task The_readme_real_installation_commands_as_written_make_no_demo_account_and_no_demo_child()
    {
        var (exports, commands) = RealInstallationBlock();
        Assert.Equal("Production", exports.GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
        Assert.NotEmpty(commands);
        Assert.Contains("--role admin", string.Join(' ', commands[0]), StringComparison.Ordinal); // the first administrator first
        var path = DatabasePath("fresh");
        var environment = new Dictionary<string, string>(exports)
        {
            ["ConnectionStrings__Coordination"] = Database.ConnectionStringFor(path),
        };

        var outputs = new List<string>();
        foreach (var command in commands)
        {
            // As written; --no-build only because the test run has just built it (dotnet run would build it again).
            Assert.Equal(["dotnet", "run"], command[..2]);
            var (code, output, error) = await BoardProcess.RunAsync("dotnet", ["run", "--no-build", "-c", BoardProcess.Configuration, .. command[2..]], environment);
            Assert.True(code == 0, $"{string.Join(' ', command)} exited {code}: {output}{error}");
            outputs.Add(output);
        }

        var (emails, children, marked) = await ContentsAsync(path);
        Assert.DoesNotContain(emails, DemoDatabase.IsDemoEmail);
        Assert.Equal(commands.Count(c => c.Contains("add")), emails.Count);
        Assert.Equal(0, children);
        Assert.False(marked);
        Assert.Contains("admin@nanan.example", outputs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cli_verb_in_development_with_demo_seeding_on_adds_no_demo_data()
    {
        var path = DatabasePath("dev-cli");
        var environment = BoardProcess.Environment("Development", path);
        environment["Demo__Seed"] = "true";

        var (code, output, error) = await BoardProcess.VerbAsync(environment, "users", "list");

        Assert.True(code == 0, output + error);
        var (emails, children, marked) = await ContentsAsync(path);
        Assert.Empty(emails);
        Assert.Equal(0, children);
        Assert.False(marked);
    }

    [Fact]
    public async Task A_development_server_never_adds_demo_data_to_a_database_that_was_not_made_as_a_demo_one()
    {
        var path = DatabasePath("real-dev");
        var production = BoardProcess.Environment("Production", path);
        var made = await BoardProcess.VerbAsync(production, "users", "add", "--email", "real@nanan.example", "--agency", "health", "--role", "liaison", "--password", "a long enough passphrase");
        Assert.True(made.Code == 0, made.Output + made.Error);
        var development = BoardProcess.Environment("Development", path);
        development["Demo__Seed"] = "true";

        await using (var server = await BoardProcess.StartAsync(development))
        {
            Assert.True(server.Address is not null, server.Output + server.Error);
        }

        var (emails, children, marked) = await ContentsAsync(path);
        Assert.Equal(["real@nanan.example"], emails);
        Assert.Equal(0, children);
        Assert.False(marked);
    }

    [Fact]
    public async Task A_production_server_with_a_demo_account_refuses_to_start_naming_the_command_that_removes_them()
    {
        var path = DatabasePath("demo-in-production");
        // A demo database carried into Production: its accounts keep the published password.
        await using (var db = Open(path))
        {
            await Database.MigrateAsync(db, Ct);
            await Coordination.Core.Reference.ReferenceData.LoadAsync(db, TestDatabase.DataDirectory, Ct);
            db.Users.Add(new Account { UserName = "admin@demo", Email = "admin@demo", NormalizedEmail = "ADMIN@DEMO", NormalizedUserName = "ADMIN@DEMO", AgencyKey = "civil-affairs", Role = Role.Admin, DisplayName = "demo", SecurityStamp = Guid.NewGuid().ToString() });
            await db.SaveChangesAsync(Ct);
        }
        var production = BoardProcess.Environment("Production", path);

        await using (var refused = await BoardProcess.StartAsync(production))
        {
            Assert.Null(refused.Address);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("admin@demo", refused.Error, StringComparison.Ordinal);
            Assert.Contains("users remove-demo", refused.Error, StringComparison.Ordinal);
        }

        var (code, output, error) = await BoardProcess.VerbAsync(production, "users", "remove-demo");
        Assert.True(code == 0, output + error);
        Assert.Contains("admin@demo", output, StringComparison.Ordinal);
        await using var started = await BoardProcess.StartAsync(production);
        Assert.True(started.Address is not null, started.Output + started.Error);
    }

    private const string CookieName = "coord.session";

    private static async Task<string> SignInCookieAsync(Uri address, string email)
    {
        using var browser = new HttpBrowser(address);
        var answer = await browser.SignInAsync(email, Password);
        Assert.True(answer.SignedIn, $"{answer.Status}: {answer.Message}");
        return Assert.Single(browser.Cookies.GetAllCookies(), c => c.Name == CookieName).Value;
    }

    private static async Task<HttpStatusCode> ChildrenWithCookieAsync(Uri address, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/children");
        request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        using var response = await http.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private const string Password = "a long enough passphrase";

    private static async Task<Dictionary<string, string>> InstallationAsync(string path)
    {
        var environment = BoardProcess.Environment("Production", path);
        // The same account on both installations: only the installation's own keys tell them apart.
        var (code, output, error) = await BoardProcess.VerbAsync(environment, "users", "add", "--email", "same@nanan.example", "--agency", "health", "--role", "liaison", "--password", Password);
        Assert.True(code == 0, output + error);
        return environment;
    }

    [Fact]
    public async Task A_cookie_of_one_installation_is_refused_by_another_and_survives_a_restart_of_its_own()
    {
        var a = await InstallationAsync(DatabasePath("a"));
        var b = await InstallationAsync(DatabasePath("b"));
        await using var serverB = await BoardProcess.StartAsync(b);
        Assert.True(serverB.Address is not null, serverB.Output + serverB.Error);
        string cookie;
        await using (var serverA = await BoardProcess.StartAsync(a))
        {
            Assert.True(serverA.Address is not null, serverA.Output + serverA.Error);
            cookie = await SignInCookieAsync(serverA.Address!, "same@nanan.example");
            Assert.Equal(HttpStatusCode.OK, await ChildrenWithCookieAsync(serverA.Address!, cookie));
        }

        Assert.Equal(HttpStatusCode.Redirect, await ChildrenWithCookieAsync(serverB.Address!, cookie));

        await using var restartedA = await BoardProcess.StartAsync(a);
        Assert.True(restartedA.Address is not null, restartedA.Output + restartedA.Error);
        Assert.Equal(HttpStatusCode.OK, await ChildrenWithCookieAsync(restartedA.Address!, cookie));
    }

    [GeneratedRegex("```\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("\"(?<q>[^\"]*)\"|\\S+")]
    private static partial Regex WordPattern();
}
