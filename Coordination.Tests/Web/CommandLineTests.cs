using Coordination.Tests.Support;
using Coordination.Web.Cli;

namespace Coordination.Tests.Web;

/// <summary>
/// The CLI as an administrator meets it: help for every verb, and every mistake — an unknown verb or option, a
/// missing value, a bad role — refused with a message and a non-zero exit, with nothing made.
/// </summary>
public sealed class CommandLineTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;

    private async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(_app.Services, args, output, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    public static TheoryData<string[], string[]> Verbs => new()
    {
        { ["users"], ["add", "list"] },
        { ["users", "add"], ["--email", "--agency", "--role", "--township", "--name", "--password"] },
        { ["users", "list"], [] },
        { ["apikeys"], ["add", "list", "revoke"] },
        { ["apikeys", "add"], ["--agency", "--name"] },
        { ["apikeys", "list"], [] },
        { ["apikeys", "revoke"], ["<key>"] },
    };

    [Theory]
    [MemberData(nameof(Verbs))]
    public async Task Help_for_each_verb_lists_what_it_takes_and_succeeds(string[] verb, string[] mentions)
    {
        var (code, output) = await RunAsync([.. verb, "--help"]);

        Assert.Equal(0, code);
        Assert.Contains("用法", output, StringComparison.Ordinal); // in the board's language, like the rest of it
        Assert.Contains(string.Join(' ', verb), output, StringComparison.Ordinal);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_at_the_top_lists_every_verb()
    {
        var (code, output) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("users", output, StringComparison.Ordinal);
        Assert.Contains("apikeys", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_refused_with_a_message()
    {
        var (code, output) = await RunAsync("frobnicate");

        Assert.NotEqual(0, code);
        Assert.Contains("frobnicate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_refused_with_a_message_and_makes_nothing()
    {
        var email = $"cli-{Guid.NewGuid():N}@education.test";

        var (code, output) = await RunAsync("users", "add", "--email", email, "--agency", "education", "--role", "liaison", "--colour", "blue");

        Assert.NotEqual(0, code);
        Assert.Contains("--colour", output, StringComparison.Ordinal);
        var (_, list) = await RunAsync("users", "list");
        Assert.DoesNotContain(email, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_value_is_refused_with_a_message_naming_the_option()
    {
        var (code, output) = await RunAsync("apikeys", "add", "--agency", "health", "--name");

        Assert.NotEqual(0, code);
        Assert.Contains("--name", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_option_is_refused_with_a_message_naming_it()
    {
        var (code, output) = await RunAsync("apikeys", "add", "--agency", "health");

        Assert.NotEqual(0, code);
        Assert.Contains("--name", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_refused_naming_the_roles_there_are()
    {
        var (code, output) = await RunAsync("users", "add", "--email", "x@education.test", "--agency", "education", "--role", "king");

        Assert.NotEqual(0, code);
        Assert.Contains("king", output, StringComparison.Ordinal);
        Assert.Contains("liaison", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bare_command_names_the_verbs_and_fails()
    {
        var (code, output) = await RunAsync();

        Assert.NotEqual(0, code);
        Assert.Contains("users", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "users", "list" }, true)]
    [InlineData(new[] { "frobnicate" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5999" }, false)]
    [InlineData(new string[0], false)]
    public void Any_first_word_that_is_not_a_server_option_runs_the_cli_never_the_server(string[] args, bool cli) =>
        Assert.Equal(cli, CommandLine.IsVerb(args));
}
