using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Coordination.Tests.Support;

/// <summary>
/// The board as an installation runs it: its own OS process (the built <c>Coordination.Web.dll</c>, or
/// <c>dotnet run --no-build</c> for a README command), with its own environment variables and database, never
/// the test's. Servers are stopped (by their own process id) when disposed.
/// </summary>
public static partial class BoardProcess
{
#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>The clone's root: the folder with <c>Coordination.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string WebDll => Path.Combine(RepositoryRoot, "Coordination.Web", "bin", Configuration, "net10.0", "Coordination.Web.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Coordination.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The environment of a process started here: the machine's, less anything ASP.NET Core or .NET would read from the test run.</summary>
    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal) || k.StartsWith("ConnectionStrings", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return info;
    }

    /// <summary>Runs a command to its end (within the deadline) and returns its exit code and what it printed.</summary>
    public static async Task<(int Code, string Output, string Error)> RunAsync(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Process.Start(StartInfo(fileName, args, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not end in time: {await output}{await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>A CLI verb through the built app, as <c>Coordination.Web VERB ...</c> of a published build.</summary>
    public static Task<(int Code, string Output, string Error)> VerbAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync("dotnet", [WebDll, .. args], environment);

    /// <summary>
    /// Starts the server on a free loopback port and waits for the address it prints; if it exits instead, the
    /// returned server has no address and says how it ended.
    /// </summary>
    public static async Task<Server> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var process = Process.Start(StartInfo("dotnet", [WebDll, "--urls", "http://127.0.0.1:0"], environment))!;
        var server = new Server(process);
        await server.WaitForAddressAsync();
        return server;
    }

    /// <summary>An environment for a board on <paramref name="databasePath"/> in <paramref name="environmentName"/>.</summary>
    public static Dictionary<string, string> Environment(string environmentName, string databasePath) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = environmentName,
        ["ConnectionStrings__Coordination"] = Coordination.Core.Data.Database.ConnectionStringFor(databasePath),
        ["Logging__LogLevel__Default"] = "Warning",
    };

    public sealed partial class Server(Process process) : IAsyncDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();

        public Uri? Address { get; private set; }

        public int? ExitCode => process.HasExited ? process.ExitCode : null;

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        internal async Task WaitForAddressAsync()
        {
            var found = new TaskCompletionSource<Uri?>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    found.TrySetResult(null);
                    return;
                }
                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }
                if (AddressLine().Match(e.Data) is { Success: true } m)
                {
                    found.TrySetResult(new Uri(m.Groups["url"].Value));
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (_error)
                {
                    _error.AppendLine(e.Data);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken).ContinueWith(_ => (Uri?)null, TaskScheduler.Default);
            var first = await Task.WhenAny(found.Task, exited).WaitAsync(Deadline, TestContext.Current.CancellationToken);
            Address = await first;
            if (Address is null)
            {
                await process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
            process.Dispose();
        }

        [GeneratedRegex(@"Coordination board: (?<url>http://[^\s,]+)")]
        private static partial Regex AddressLine();
    }
}
