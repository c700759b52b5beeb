using System.CommandLine;

namespace Coordination.Web.Cli;

/// <summary>What every verb needs: the app's services, where to write, and one way to run and report failures.</summary>
public sealed class CliContext(IServiceProvider services, TextWriter output)
{
    /// <summary>The person at the server's console: the administrator, audited as "cli".</summary>
    public static readonly Actor Console = new("civil-affairs", "cli", Role.Admin, From: "cli");

    public TextWriter Output { get; } = output;

    private readonly IStringLocalizer<SharedResource> _localizer = services.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>A help text in the console's language (Chinese, like the rest of the board).</summary>
    public string Text(string key, params object[] args) => _localizer[key, args];

    /// <summary>
    /// Sets <paramref name="command"/>'s action: runs <paramref name="run"/> in its own service scope; a refusal
    /// of the domain's rules prints each field's message (as <c>--field: message</c>) and exits 1, a bad argument
    /// prints its message and exits 2.
    /// </summary>
    public void Action(Command command, Func<ParseResult, IServiceProvider, CancellationToken, Task<int>> run) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            try
            {
                return await run(parse, sp, cancellationToken);
            }
            catch (InvalidInputException ex)
            {
                foreach (var (field, codes) in ex.Errors.ByField)
                {
                    Output.WriteLine($"--{field}: {string.Join("; ", codes.Select(c => Text(c)))}");
                }
                return 1;
            }
            catch (ArgumentException ex)
            {
                Output.WriteLine(ex.Message);
                return 2;
            }
        });

    /// <summary>A required option with a value: System.CommandLine refuses the verb without it.</summary>
    public static Option<string> Required(string name, string description) => new(name) { Description = description, Required = true };

    public static Option<string?> Optional(string name, string description) => new(name) { Description = description };
}
