using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Coordination.Core.Data;
using Coordination.Tests.Support;

namespace Coordination.Tests.Durability;

/// <summary>
/// The board as its own process (<c>dotnet Coordination.Web.dll</c> from the web project's build output), on its own
/// database file and a free loopback port, Development without demo data; killable with SIGKILL.
/// </summary>
public sealed class BoardProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private BoardProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static string WebDll
    {
        get
        {
            var baseDir = AppContext.BaseDirectory;
            var configuration = new DirectoryInfo(baseDir).Parent?.Parent?.Name ?? "Debug";
            for (var dir = new DirectoryInfo(baseDir); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "Coordination.Web", "bin", configuration, "net10.0", "Coordination.Web.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            return Path.Combine(baseDir, "Coordination.Web.dll");
        }
    }

    private static ProcessStartInfo StartInfo(string databasePath, params string[] args) => StartInfo(databasePath, null, args);

    private static ProcessStartInfo StartInfo(string databasePath, IReadOnlyDictionary<string, string>? settings, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WebDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Demo__Seed"] = "false";
        info.Environment["Data__Directory"] = TestDatabase.DataDirectory;
        info.Environment["ConnectionStrings__Coordination"] = Database.ConnectionStringFor(databasePath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        return info;
    }

    /// <summary>Runs a CLI verb against the database as the console would and returns its exit code and output.</summary>
    public static async Task<(int Code, string Output)> RunCliAsync(string databasePath, params string[] args)
    {
        using var process = Process.Start(StartInfo(databasePath, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await error);
    }

    public static Task<BoardProcess> StartAsync(string databasePath) => StartAsync(databasePath, new Uri($"http://127.0.0.1:{FreePort()}"));

    /// <summary>
    /// Starts the board at <paramref name="address"/> (the same one again, for a restart under open pages), with
    /// <paramref name="settings"/> as environment variables (<c>Wall__ReconnectMaxDelayMs</c>, say).
    /// </summary>
    public static async Task<BoardProcess> StartAsync(string databasePath, Uri address, IReadOnlyDictionary<string, string>? settings = null)
    {
        var process = Process.Start(StartInfo(databasePath, settings, "--urls", address.ToString().TrimEnd('/')))!;
        var board = new BoardProcess(process, address);
        process.OutputDataReceived += (_, e) => board.Append(e.Data);
        process.ErrorDataReceived += (_, e) => board.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        await Waiting.UntilAsync(async () =>
        {
            Assert.False(process.HasExited, "the board exited at start:\n" + board.Log);
            try
            {
                using var response = await http.GetAsync("/health");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), "the board process answering /health");
        return board;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a power cut would leave it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
