using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

/// <summary>
/// In Production the API's errors are problem details too (never the people's HTML error page), and a body far over
/// the limit is a 413 problem detail, not a 500.
/// </summary>
public sealed class ProductionErrorsTests : IAsyncLifetime
{
    private BoardApp _app = default!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _app = new BoardApp(new Dictionary<string, string?>(), environment: "Production");
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_malformed_query_value_in_production_is_a_problem_detail_naming_the_parameter()
    {
        using var api = _app.Api("health");

        using var response = await api.GetAsync("/api/v1/children?page=abc", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.Query.Malformed", (string)problem!["codes"]!["page"]![0]!);
    }

    [Fact]
    public async Task A_40_MB_body_in_production_answers_413_as_a_problem_detail_and_writes_nothing()
    {
        var before = await _app.CountRowsAsync();
        using var api = _app.Api("health");
        // As a well-behaved client sends a large body: the server's refusal comes before the 40 MB are sent.
        api.DefaultRequestHeaders.ExpectContinue = true;
        using var content = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await api.PostAsync("/api/v1/screenings", content, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("Error.Body.TooLarge", (string)problem!["code"]!);
        Assert.Equal(before, await _app.CountRowsAsync());
    }
}
