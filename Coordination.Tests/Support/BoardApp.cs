using System.Net.Http.Headers;
using Coordination.Core;
using Coordination.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Support;

/// <summary>
/// The real board app on a free loopback port (Kestrel, real sockets) with its own SQLite file, migrated
/// at start exactly as <c>dotnet run</c> does. Demo data only when asked for.
/// </summary>
public sealed class BoardApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _demo;
    private readonly TimeProvider? _time;

    public BoardApp() : this(demo: false)
    {
    }

    public BoardApp(bool demo) : this(demo, time: null)
    {
    }

    /// <summary>The app on a clock the test moves (a <c>FakeTimeProvider</c>): due times and the overdue watch follow it.</summary>
    public BoardApp(TimeProvider time) : this(demo: false, time)
    {
    }

    /// <summary>The app with settings of its own (low rate limits, say) in <paramref name="environment"/>.</summary>
    public BoardApp(IReadOnlyDictionary<string, string?> settings, string environment = "Development") : this(demo: false, time: null, settings, environment)
    {
    }

    /// <summary>The app in another environment (say Production) with settings of an installation's own.</summary>
    public BoardApp(string environment, IReadOnlyDictionary<string, string?> settings) : this(demo: false, time: null, settings, environment)
    {
    }

    /// <summary>The app on a moved clock with extra settings (e.g. <c>Sessions:DisplayDays</c>).</summary>
    public BoardApp(TimeProvider time, IReadOnlyDictionary<string, string?> settings) : this(demo: false, time, settings)
    {
    }

    private readonly IReadOnlyDictionary<string, string?> _settings = new Dictionary<string, string?>();
    private readonly string _environment = "Development";

    private BoardApp(bool demo, TimeProvider? time, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        _demo = demo;
        _time = time;
        _settings = settings ?? _settings;
        _environment = environment;
        Directory.CreateDirectory(_directory);
        UseKestrel(0);
        StartServer();
        MakeAccountsAsync().GetAwaiter().GetResult();
    }

    public string DatabasePath => Path.Combine(_directory, "board.db");

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // The test's own settings win over the defaults (a test may point the app at a database of its own).
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coordination"] = Database.ConnectionStringFor(DatabasePath),
            ["Demo:Seed"] = _demo ? "true" : "false",
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_time));
        }
    }

    public const string Password = "test-password-long-enough";

    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _keysGate = new(1, 1);

    /// <summary>
    /// The API key of <paramref name="agency"/>, made once per app through the real key service. An agency the
    /// board does not know gets a key that was never issued.
    /// </summary>
    public string ApiKeyOf(string agency)
    {
        _keysGate.Wait();
        try
        {
            if (!_keys.TryGetValue(agency, out var secret))
            {
                var catalog = Services.GetRequiredService<Coordination.Core.Reference.ReferenceCatalog>();
                secret = catalog.Agency(agency) is null
                    ? Coordination.Core.Access.ApiKey.Prefix + "never-issued-" + agency
                    : Services.GetRequiredService<Coordination.Core.Access.ApiKeyService>()
                        .CreateAsync(Admin, agency, agency).GetAwaiter().GetResult().Secret;
                _keys[agency] = secret;
            }
            return secret;
        }
        finally
        {
            _keysGate.Release();
        }
    }

    public static readonly Coordination.Core.Actor Admin = new("civil-affairs", "tests", Coordination.Core.Access.Role.Admin, From: "tests");

    /// <summary>An API client with <paramref name="agency"/>'s API key (anonymous for null).</summary>
    public HttpClient Api(string? agency)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (agency is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyOf(agency));
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>A hub client signed in with <paramref name="agency"/>'s API key (anonymous for null).</summary>
    public HubConnection Hub(string? agency = "civil-affairs") =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "/hubs/board"), o =>
            {
                if (agency is not null)
                {
                    o.AccessTokenProvider = () => Task.FromResult<string?>(ApiKeyOf(agency));
                }
            })
            .Build();

    /// <summary>The email of the test account for an agency and role (made at start for every pair).</summary>
    public static string EmailOf(string agency, Coordination.Core.Access.Role role = Coordination.Core.Access.Role.Liaison) =>
        $"{role.ToString().ToLowerInvariant()}@{agency}.test";

    /// <summary>A township supervisor's account for <see cref="TestTownship"/>.</summary>
    public const string TestTownship = "shishan-zhen";

    private async Task MakeAccountsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<Coordination.Web.Accounts.AccountService>();
        foreach (var agency in new[] { "civil-affairs", "womens-federation", "health", "education" })
        {
            foreach (var role in Enum.GetValues<Coordination.Core.Access.Role>())
            {
                await accounts.CreateAsync(EmailOf(agency, role), agency, role, role == Coordination.Core.Access.Role.Township ? TestTownship : null, null, Password);
            }
        }
    }

    /// <summary>The interface's Chinese text for a resource key, as the pages and problem details show it.</summary>
    public string Chinese(string key)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("zh-CN");
        try
        {
            var text = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Coordination.Web.SharedResource>>()[key];
            Assert.False(text.ResourceNotFound, $"no resource {key}");
            return text.Value;
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>Counts rows straight from the file, to prove what was (not) written.</summary>
    public async Task<(int Children, int Screenings, int Events)> CountRowsAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Children.CountAsync(), await db.Screenings.CountAsync(), await db.BoardEvents.CountAsync());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleanup.
        }
    }
}
