using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Coordination.Tests.Support;

namespace Coordination.Tests.Web;

/// <summary>The API takes each kind's own findings and refuses the same bad input the forms refuse, with the same words.</summary>
public sealed class ScreeningDetailsApiTests(BoardAppFixture fixture) : IClassFixture<BoardAppFixture>
{
    private readonly BoardApp _app = fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Body(string kind, string detailsField, JsonObject details)
    {
        var body = ScreeningBodies.NewChild(kind);
        body[detailsField] = details;
        return body;
    }

    private static JsonObject ValidDetails(string kind) => kind switch
    {
        "household" => new JsonObject
        {
            ["guardianship"] = "weak",
            ["livingConditions"] = "fair",
            ["confirmedCategories"] = new JsonArray("left-behind"),
            ["eligibleForLivingGuarantee"] = false,
        },
        "psychological" => new JsonObject { ["score"] = 65, ["flags"] = new JsonArray("loneliness"), ["groupCounselling"] = true },
        "health-check" => new JsonObject { ["heightCm"] = 132.5, ["weightKg"] = 28, ["chronicIllness"] = "哮喘", ["greenChannelEligible"] = true },
        "school-survey" => new JsonObject { ["school"] = "诗山中心小学", ["grade"] = "四年级", ["attendanceConcern"] = false },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static TheoryData<string, string, string> Kinds => new()
    {
        { "civil-affairs", "household", "household" },
        { "womens-federation", "psychological", "psychological" },
        { "health", "health-check", "healthCheck" },
        { "education", "school-survey", "schoolSurvey" },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_agencys_screening_with_its_findings_answers_201(string agency, string kind, string detailsField)
    {
        using var api = _app.Api(agency);
        var before = await _app.CountRowsAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", Body(kind, detailsField, ValidDetails(kind)), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Screenings + 1, after.Screenings);
        Assert.Equal(before.Children + 1, after.Children);
    }

    /// <summary>The bad inputs of the form tests, as a program would send them.</summary>
    public static TheoryData<string, string, string, string, string, string> BadDetails => new()
    {
        { "civil-affairs", "household", "household", """{"livingConditions": "fair"}""", "household.guardianship", "请选择监护状况。" },
        { "womens-federation", "psychological", "psychological", """{"score": 150}""", "psychological.score", "得分须在 0 到 100 之间。" },
        { "health", "health-check", "healthCheck", """{"heightCm": 500}""", "healthCheck.heightCm", "身高须在 30 到 230 厘米之间。" },
        { "education", "school-survey", "schoolSurvey", """{"grade": "四年级"}""", "schoolSurvey.school", "请填写学校。" },
        { "education", "school-survey", "schoolSurvey", """{"school": "诗山中心小学", "contactCardIssued": true}""", "schoolSurvey.contactCardIssued", "“五个清楚”全部填写后才能发放家校联系卡。" },
    };

    [Theory]
    [MemberData(nameof(BadDetails))]
    public async Task Bad_findings_answer_400_naming_the_field_in_Chinese_and_write_nothing(
        string agency, string kind, string detailsField, string details, string field, string message)
    {
        using var api = _app.Api(agency);
        var before = await _app.CountRowsAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", Body(kind, detailsField, JsonNode.Parse(details)!.AsObject()), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        var errors = problem!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"errors should name '{field}' but were: {errors.ToJsonString()}");
        Assert.Equal(message, (string)errors[field]![0]!);
        Assert.Equal(before, await _app.CountRowsAsync());
    }

    [Fact]
    public async Task A_new_child_whose_resident_id_is_registered_with_the_same_name_and_birth_date_is_that_child()
    {
        using var api = _app.Api("health");
        var first = ScreeningBodies.NewChild();
        using var registered = await api.PostAsJsonAsync("/api/v1/screenings", first, Ct);
        var childId = (string)(await registered.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!;
        var again = ScreeningBodies.NewChild();
        again["child"]!["residentId"] = (string)first["child"]!["residentId"]!;
        again["child"]!["name"] = (string)first["child"]!["name"]!;
        again["child"]!["birthDate"] = (string)first["child"]!["birthDate"]!;
        again["child"]!["sex"] = (string)first["child"]!["sex"]!;
        var before = await _app.CountRowsAsync();

        using var response = await api.PostAsJsonAsync("/api/v1/screenings", again, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(childId, (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["childId"]!);
        var after = await _app.CountRowsAsync();
        Assert.Equal(before.Children, after.Children);
        Assert.Equal(before.Screenings + 1, after.Screenings);
    }
}
