using System.CommandLine;

namespace Coordination.Web.Cli;

/// <summary>
/// <c>dotnet run --project Coordination.Web -- VERB ...</c>: the board's administration from the machine it runs
/// on, parsed by System.CommandLine (help for every verb with <c>--help</c>; an unknown verb or option, or a missing
/// value, is refused with a message and a non-zero exit). The person at the console acts as the administrator; every
/// write is audited with "cli" as its origin.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// Whether the arguments ask for the CLI rather than the server: a first argument that is not an option (a verb,
    /// known or not: an unknown one is refused, never taken as a reason to start serving), or a request for help.
    /// Options for the server itself (<c>--urls</c>, <c>--environment</c>) start with a dash.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?");

    /// <summary>Every verb group, in the order <c>--help</c> lists them.</summary>
    private static IEnumerable<Command> Verbs(CliContext context) =>
    [
        UsersCommand.Create(context),
        ApiKeysCommand.Create(context),
        .. DurabilityCommands.Create(context),
        ExportCommand.Create(context),
        ImportCommand.Create(context),
    ];

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output) =>
        RunAsync(services, args, output, CancellationToken.None);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        // The console speaks the board's language: Chinese (System.CommandLine's own words follow the UI culture).
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CoordinationHosting.Cultures[0];
        var context = new CliContext(services, output);
        var root = new RootCommand(context.Text("Cli.Root"));
        foreach (var verb in Verbs(context))
        {
            root.Subcommands.Add(verb);
        }
        // The root alone does nothing: it says what there is, and fails, so a typo never looks like success.
        root.SetAction(parse =>
        {
            output.WriteLine(context.Text("Cli.NameAVerb", string.Join(", ", root.Subcommands.Select(c => c.Name))));
            return 2;
        });
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken);
    }
}
