using System.Net;
using System.Text.RegularExpressions;

namespace Coordination.Tests.Support;

/// <summary>
/// A person's browser without the browser: it keeps cookies, shows redirects instead of following them, and signs in
/// by posting the sign-in page's own form (its antiforgery token, its handler name, its field names as rendered).
/// </summary>
public sealed partial class HttpBrowser : IDisposable
{
    private readonly HttpClient _http;

    public HttpBrowser(Uri address) =>
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = address };

    public CookieContainer Cookies { get; } = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens the sign-in page, fills the account and password fields, and submits the form as rendered.</summary>
    public async Task<SignInAnswer> SignInAsync(string email, string password)
    {
        var page = await _http.GetStringAsync("/account/login", Ct);
        var form = FormPattern().Match(page);
        Assert.True(form.Success, "the sign-in page has a form");
        var inputs = InputPattern().Matches(form.Groups["body"].Value).Select(m => m.Value).ToList();
        var fields = inputs
            .Where(i => Attribute(i, "name") is not null)
            .ToDictionary(i => Attribute(i, "name")!, i => Attribute(i, "value") ?? "", StringComparer.Ordinal);
        fields[NameOf(inputs, "login-email")] = email;
        fields[NameOf(inputs, "login-password")] = password;
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        Assert.Contains("_handler", fields.Keys);

        using var content = new FormUrlEncodedContent(fields);
        using var response = await _http.PostAsync(WebUtility.HtmlDecode(form.Groups["action"].Value), content, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var error = ErrorPattern().Match(html);
        return new SignInAnswer(response.StatusCode, response.Headers.Location, error.Success ? WebUtility.HtmlDecode(error.Groups["text"].Value).Trim() : null, html);
    }

    /// <summary>A page request as the browser makes it: status and where it is sent, nothing followed.</summary>
    public async Task<(HttpStatusCode Status, Uri? Location)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path, Ct);
        return (response.StatusCode, response.Headers.Location);
    }

    /// <summary>The signed-in session's HTTP client, for calling the API as this account (its cookie, no key).</summary>
    public HttpClient Http => _http;

    public void Dispose() => _http.Dispose();

    private static string NameOf(IEnumerable<string> inputs, string testId) =>
        Attribute(Assert.Single(inputs, i => Attribute(i, "data-testid") == testId), "name")
        ?? throw new InvalidOperationException($"The {testId} field has no name.");

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"(?<v>[^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
    }

    [GeneratedRegex("""<form[^>]*\saction="(?<action>[^"]*)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("""data-testid="login-error"[^>]*>(?<text>[^<]*)<""")]
    private static partial Regex ErrorPattern();
}

/// <summary>What the sign-in form answered: a redirect on success, the page again with its message otherwise.</summary>
public sealed record SignInAnswer(HttpStatusCode Status, Uri? Location, string? Message, string Page = "")
{
    public bool SignedIn => (int)Status is 302 or 303 && Message is null;
}
